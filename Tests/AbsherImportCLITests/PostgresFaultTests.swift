import Foundation
import PostgresClient
import Testing

/// Issue 14's faults through the built binary against real servers: a server restarted in the middle of a
/// run (`pg_ctl restart -m immediate`) and a server out of disk give exit 74 and leave the register as it
/// was, and the next run works; a reader polling counts during a run sees only the state before the run
/// and then the state after it. The restart and the full disk happen on a second throwaway server of the
/// test's own (`ThrowawayPostgresServer`), never on the one the other tests share.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun, PostgresTestDatabase.skipReason))
struct PostgresFaultTests {
    /// When the server is restarted: as soon as the run holds its lock, or while it waits before its commit
    /// (`ABSHER_IMPORT_PAUSE_AT=before-commit`: everything written, reports too, nothing committed).
    enum RestartMoment: String, CaseIterable, Sendable {
        case lockTaken
        case beforeCommit
    }

    static let rows = 5_000

    /// The binary's run of `night` into `store`, started in the background with stdout and stderr to files.
    final class SpawnedRun {
        let process = Process()
        let stderrPath: String

        init(_ night: String, store: String, folder: TemporaryFolder, environment: [String: String] = [:]) throws {
            stderrPath = folder.path + "/stderr-\(UUID().uuidString)"
            _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
            let err = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
            defer { try? err.close() }
            process.executableURL = URL(fileURLWithPath: BinaryRun.executable)
            process.arguments = KillSafetyTests.runArguments(night, store: store, reports: folder.path + "/reports")
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = err
            try process.run()
        }

        /// Waits at most `seconds` for the exit; kills the process and returns nil when it does not come.
        func wait(seconds: Double = 300) -> (status: Int32, stderr: String)? {
            guard ThrowawayPostgresServer.waitForExit(process, seconds: seconds) else {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return nil
            }
            let text = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
            return (process.terminationStatus, text)
        }
    }

    /// Polls `condition` on a connection to the server every 20 ms until it holds, the run ends, or
    /// `seconds` pass; returns whether it held.
    static func waitUntil(
        _ sql: String, _ parameters: [String], on server: String, while run: SpawnedRun, seconds: Double = 120
    ) throws -> Bool {
        let observer = try PostgresConnection(server)
        defer { observer.close() }
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline && run.process.isRunning {
            if try observer.execute(sql, parameters: parameters).bool(row: 0, column: 0) == true { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// The SQL that holds at `moment` of a run on database `$1`.
    static func condition(_ moment: RestartMoment) -> String {
        switch moment {
        case .lockTaken:
            """
            SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database
                           WHERE l.locktype = 'advisory' AND l.granted AND d.datname = $1)
            """
        case .beforeCommit:
            """
            SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND state = 'idle in transaction'
                           AND clock_timestamp() - state_change > interval '1.5 seconds')
            """
        }
    }

    @Test(arguments: RestartMoment.allCases)
    func aServerRestartMidRunExits74LeavesTheRegisterUnchangedAndTheNextRunWorks(moment: RestartMoment) throws {
        let server = try ThrowawayPostgresServer()
        defer { server.stop() }
        let database = try PostgresTestDatabase(server: server.uri)
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (night1, night2) = try KillSafetyTests.generateNights(in: folder, rows: Self.rows)
        let reports = folder.path + "/reports"
        let load = try BinaryRun.run(KillSafetyTests.runArguments(night1, store: database.uri, reports: reports))
        try #require(load.status == 0, "\(load.stderr)")
        let before = try database.fingerprint(recordsOnly: false)

        let pause = moment == .beforeCommit ? ["ABSHER_IMPORT_PAUSE_AT": "before-commit"] : [:]
        let run = try SpawnedRun(night2, store: database.uri, folder: folder, environment: pause)
        let reached = try Self.waitUntil(Self.condition(moment), [database.name], on: server.uri, while: run)
        #expect(reached, "the run reached \(moment) before it ended")
        try server.restart(mode: "immediate")
        let ended = try #require(run.wait(), "the run ends after the restart")
        #expect(ended.status == 74, "\(ended.stderr)")
        #expect(ended.stderr.split(separator: "\n").last?.hasSuffix("(exit 74)") == true, "\(ended.stderr)")
        #expect(ended.stderr.contains("the connection to the store was lost; nothing was committed"), "\(ended.stderr)")

        #expect(try database.soundness() == "ok")
        #expect(try database.fingerprint(recordsOnly: false) == before)
        let next = try BinaryRun.run(KillSafetyTests.runArguments(night2, store: database.uri, reports: reports))
        #expect(next.status == 0, "the next run: \(next.stderr)")
        #expect(try database.rows("SELECT count(*) FROM runs") == ["2"])
    }

    /// Counts, a sum of the records' hashes and the history's size, in one statement (one snapshot).
    static let counts = """
        SELECT (SELECT count(*) FROM people) || '/' || (SELECT count(*) FROM people WHERE active = 1) || '/'
            || (SELECT coalesce(sum(record_hash), 0) FROM people) || '/' || (SELECT count(*) FROM sponsors) || '/'
            || (SELECT coalesce(sum(record_hash), 0) FROM sponsors) || '/' || (SELECT count(*) FROM changes)
            || '/' || (SELECT count(*) FROM runs)
        """

    @Test func aReaderPollingCountsDuringARunSeesOnlyTheStateBeforeAndThenTheStateAfter() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (night1, night2) = try KillSafetyTests.generateNights(in: folder, rows: Self.rows)
        let load = try BinaryRun.run(
            KillSafetyTests.runArguments(night1, store: database.uri, reports: folder.path + "/reports"))
        try #require(load.status == 0, "\(load.stderr)")
        let reader = try database.connect(readOnly: true)
        defer { reader.close() }
        let before = try #require(try reader.execute(Self.counts).string(row: 0, column: 0))

        let run = try SpawnedRun(night2, store: database.uri, folder: folder)
        var seen: [String] = []
        let deadline = Date().addingTimeInterval(300)
        while run.process.isRunning && Date() < deadline {
            seen.append(try #require(try reader.execute(Self.counts).string(row: 0, column: 0)))
        }
        let ended = try #require(run.wait(seconds: 10))
        #expect(ended.status == 0, "\(ended.stderr)")
        let after = try #require(try reader.execute(Self.counts).string(row: 0, column: 0))
        #expect(after != before)
        #expect(seen.count >= 10, "the reader polled throughout the run")
        let states = seen.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        // Before, then possibly after (the commit may land just as the process exits): never anything else.
        #expect(states == [before] || states == [before, after], "\(states)")
    }

    /// The store's tables, their indexes and the run's temp tables in a tablespace on the server's 1 MiB
    /// tmpfs (`Scripts/test-postgres` as root): a night bigger than that fills it.
    @Test(.enabled(if: getuid() == 0, "needs root: Scripts/test-postgres mounts the small tmpfs as root"))
    func aServerOutOfDiskExits74AndCommitsNothing() throws {
        let server = try ThrowawayPostgresServer()
        defer { server.stop() }
        let tiny = try #require(server.fullDiskFolder, "test-postgres mounted no tmpfs although running as root")
        let database = try PostgresTestDatabase(server: server.uri)
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FullDiskTests.generate(folder, "small", rows: 200, seed: 5)
        try FullDiskTests.generate(folder, "big", rows: 6000, seed: 6)
        let reports = folder.path + "/reports"
        let small = try BinaryRun.run(
            KillSafetyTests.runArguments(folder.path + "/small", store: database.uri, reports: reports))
        try #require(small.status == 0, "\(small.stderr)")
        let admin = try database.connect()
        defer { admin.close() }
        try admin.execute("CREATE TABLESPACE tiny LOCATION '\(tiny)'")
        defer { _ = try? PostgresConnection(server.uri).execute("DROP TABLESPACE IF EXISTS tiny") }
        for table in ["people", "sponsors", "changes"] { try admin.execute("ALTER TABLE \(table) SET TABLESPACE tiny") }
        for index in try database.rows(
            "SELECT indexname FROM pg_indexes WHERE tablename IN ('people', 'sponsors', 'changes')")
        {
            try admin.execute("ALTER INDEX \(index) SET TABLESPACE tiny")
        }
        try admin.execute("ALTER DATABASE \(database.name) SET temp_tablespaces = 'tiny'")
        let before = try database.fingerprint(recordsOnly: false)

        let big = try BinaryRun.run(
            KillSafetyTests.runArguments(folder.path + "/big", store: database.uri, reports: reports))
        #expect(big.status == 74, "\(big.stderr)")
        #expect(big.stderr.split(separator: "\n").last?.hasSuffix("(exit 74)") == true, "\(big.stderr)")
        #expect(try database.fingerprint(recordsOnly: false) == before)
        #expect(try database.soundness() == "ok")
        let summary = try String(contentsOfFile: reports + "/latest/summary.json", encoding: .utf8)
        #expect(summary.contains("\"status\": \"failed\""))
    }
}
