import AbsherPostgres
import Foundation
import PostgresClient
import Testing

/// The PostgreSQL store through the built binary: exit 69 for a server that cannot be reached or refuses
/// the login (never showing the password), exit 75 while another session holds the run lock, a run that
/// waited for the lock reading the state after the other's commit, and `--dry-run` and a circuit breaker
/// leaving the tables as they were.
@Suite(.enabled(if: PostgresTestDatabase.shouldRun, PostgresTestDatabase.skipReason))
struct PostgresStoreCommandsTests {
    static let password = "Sesame-7f3a9"

    /// A run of `sponsors.csv` text in delta mode into `store`.
    static func runSponsors(
        _ text: String, store: String, _ folder: TemporaryFolder, _ extra: [String] = []
    ) throws -> BinaryRun {
        let name = "sponsors-\(UUID().uuidString)/sponsors.csv"
        let path = try folder.write(name, text)
        return try BinaryRun.run(
            ["run", "--sponsors", path, "--mode", "delta", "--store", store, "--reports", folder.path + "/reports"]
                + extra)
    }

    @Test func anUnreachableServerExits69ForEveryCommandNamingHostAndPortButNeverThePassword() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Port 1 on the loopback: nothing listens there.
        let store = "postgresql://absher:\(Self.password)@127.0.0.1:1/absher?connect_timeout=5"
        let run = try Self.runSponsors(TemporaryFolder.cleanSponsors, store: store, folder)
        #expect(run.status == 69, "\(run.stderr)")
        #expect(run.stderr.contains("127.0.0.1") && run.stderr.contains("port 1"), "\(run.stderr)")
        #expect(run.stderr.contains("absher:***@"), "\(run.stderr)")
        var outputs = [run.stdout, run.stderr]
        for command in [["lookup", "7000000001"], ["runs"], ["export", "--out", folder.path + "/export"]] {
            let other = try BinaryRun.run(command + ["--store", store])
            #expect(other.status == 69, "\(command): \(other.stderr)")
            outputs += [other.stdout, other.stderr]
        }
        let json = try Self.runSponsors(TemporaryFolder.cleanSponsors, store: store, folder, ["--log-format", "json"])
        #expect(json.status == 69)
        outputs += [json.stdout, json.stderr]
        for text in outputs { #expect(!text.contains(Self.password)) }
        #expect(try PIIScanFiles.contents(under: folder.path).allSatisfy { !$0.contains(Self.password) })
    }

    @Test func aRefusedLoginExits69WithoutThePassword() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // TCP logins need a password (scram-sha-256): this role has another one.
        let role = "absher_refused_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try database.connect()
        defer {
            _ = try? admin.execute("DROP ROLE IF EXISTS \(role)")
            admin.close()
        }
        try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD 'the-right-one'")
        let store = "postgresql://\(role):\(Self.password)@127.0.0.1:\(database.port)/\(database.name)"
        let run = try Self.runSponsors(TemporaryFolder.cleanSponsors, store: store, folder)
        #expect(run.status == 69, "\(run.stderr)")
        #expect(run.stderr.contains(database.name), "\(run.stderr)")
        let runs = try BinaryRun.run(["runs", "--store", store])
        #expect(runs.status == 69, "\(runs.stderr)")
        for text in [run.stdout, run.stderr, runs.stdout, runs.stderr] { #expect(!text.contains(Self.password)) }
    }

    @Test func aRunExits75WhileAnotherSessionHoldsTheRunLockAndAWaitingRunReadsTheStateAfterItsCommit() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try Self.runSponsors(TemporaryFolder.cleanSponsors, store: database.uri, folder).status == 0)

        let holder = try database.connect()
        defer { holder.close() }
        try holder.execute("BEGIN")
        try holder.execute("SELECT pg_advisory_xact_lock($1::bigint)", parameters: [PostgresStoreEngine.runLockKey])
        // What another run would have committed meanwhile.
        try holder.execute("UPDATE sponsors SET name = 'Written meanwhile' WHERE id = '7000000001'")
        let renamed = "sponsor_id,sponsor_type,name\n7000000001,establishment,Renamed\n"
        let started = Date()
        let locked = try Self.runSponsors(renamed, store: database.uri, folder, ["--lock-timeout", "1"])
        #expect(locked.status == 75, "\(locked.stderr)")
        #expect(Date().timeIntervalSince(started) >= 1)
        #expect(locked.stderr.split(separator: "\n").last?.hasSuffix("(exit 75)") == true, "\(locked.stderr)")

        let waiting = BackgroundBinaryRun(
            [
                "run", "--sponsors", try folder.write("waiting/sponsors.csv", renamed), "--mode", "delta",
                "--lock-timeout", "60", "--store", database.uri, "--reports", folder.path + "/reports-waiting",
                "--quiet",
            ])
        Thread.sleep(forTimeInterval: 1)
        try holder.execute("COMMIT")
        let waited = try waiting.wait()
        #expect(waited.status == 0, "\(waited.stderr)")
        // The waiting run compared with the state after the holder's commit.
        let changes = try String(contentsOfFile: folder.path + "/reports-waiting/latest/changes.csv", encoding: .utf8)
        #expect(changes.contains("Written meanwhile,Renamed"), "\(changes)")
        #expect(try database.rows("SELECT name FROM sponsors WHERE id = '7000000001'") == ["Renamed"])
        #expect(try database.rows("SELECT count(*) FROM runs") == ["2"])
    }

    @Test func aDryRunAndACircuitBreakerLeaveTheTablesAsTheyWere() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let load = try BinaryRun.run(
            [
                "run", "SampleData", "--now", "2026-11-25", "--max-reject-rate", "1", "--quiet", "--store",
                database.uri, "--reports", folder.path + "/reports",
            ], in: BinaryRun.packageRoot)
        #expect(load.status == 0, "\(load.stderr)")
        let before = try database.tableFingerprint()
        let renamed = "sponsor_id,sponsor_type,name\n7000000001,establishment,Renamed\n"
        let dry = try Self.runSponsors(renamed, store: database.uri, folder, ["--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(try database.tableFingerprint() == before)
        // Snapshot mode with one sponsor: every other sponsor would be deactivated.
        let aborted = try BinaryRun.run(
            [
                "run", "--sponsors", try folder.write("one/sponsors.csv", renamed), "--store", database.uri,
                "--reports", folder.path + "/reports", "--quiet",
            ])
        #expect(aborted.status == 1, "\(aborted.stderr)")
        #expect(try database.tableFingerprint() == before)
        #expect(try database.rows("SELECT count(*) FROM runs") == ["1"])
    }
}

/// The text of every file under a folder, for scans for a secret.
enum PIIScanFiles {
    static func contents(under folder: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var texts: [String] = []
        while let name = enumerator.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: folder + "/" + name) {
                texts.append(String(decoding: data, as: UTF8.self))
            }
        }
        return texts
    }
}
