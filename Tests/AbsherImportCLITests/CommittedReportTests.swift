import Foundation
import Testing

/// Issue 16 item 4: a committed night always has its report and exits by its outcome. What would stop the report
/// after the commit is checked before it (`latest` must be a symbolic link, `rejected/` copies cannot collide);
/// SIGTERM and SIGINT before the commit roll back and leave nothing behind (exit 143, 130), after the commit
/// they wait for the report; a `.partial` folder of a committed run is never deleted.
@Suite(.enabled(if: StoreFingerprint.sqliteShellExists, "needs the sqlite3 shell"))
struct CommittedReportTests {
    static let sample = BinaryRun.packageRoot.appendingPathComponent("SampleData").path
    static let runArguments = [
        "run", sample, "--store", "s.sqlite", "--reports", "out", "--now", "2026-11-25", "--max-reject-rate", "0.5",
    ]

    static func committedRuns(_ folder: TemporaryFolder) throws -> String {
        try StoreIdentityTests.sqlite(folder.path + "/s.sqlite", "SELECT count(*) FROM runs")
    }

    static func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test func latestThatIsARealFolderStopsTheRunBeforeItsCommit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path + "/out/latest", withIntermediateDirectories: true)
        let run = try BinaryRun.run(Self.runArguments + ["--quiet"], in: folder.url)
        #expect(run.status == 73)
        #expect(run.stderr.contains("out/latest"), "\(run.stderr)")
        // A first night builds the store aside and links it into place when it commits: there is none.
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/s.sqlite"))
        #expect(Self.entries(folder.path).filter { $0.hasPrefix("s.sqlite") } == [])
        #expect(Self.entries(folder.path + "/out") == ["latest"])
    }

    /// `--citizens d1/export.csv --residents d2/export.csv`: the copies are `rejected/citizens-export.csv` and
    /// `rejected/residents-export.csv`.
    @Test func rejectedCopiesOfTwoFilesWithOneNameDoNotCollide() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (kind, sub) in [("citizens", "d1"), ("residents", "d2")] {
            try FileManager.default.createDirectory(
                atPath: folder.path + "/" + sub, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                atPath: Self.sample + "/\(kind).csv", toPath: folder.path + "/\(sub)/export.csv")
        }
        let run = try BinaryRun.run(
            [
                "run", "--citizens", "d1/export.csv", "--residents", "d2/export.csv", "--store", "s.sqlite",
                "--reports", "out", "--now", "2026-11-25", "--max-reject-rate", "1", "--mode", "delta", "--quiet",
            ], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.entries(folder.path + "/out/latest/rejected") == ["citizens-export.csv", "residents-export.csv"])
        let copy = try String(
            contentsOfFile: folder.path + "/out/latest/rejected/residents-export.csv", encoding: .utf8)
        #expect(copy.lowercased().hasPrefix("iqama number,"), "\(copy.prefix(80))")
        #expect(try Self.committedRuns(folder) == "1")
    }

    /// Starts the run with `ABSHER_IMPORT_PAUSE_AT=point`, sends `signal` a second later, and returns the exit
    /// status and stderr.
    static func signalled(_ folder: TemporaryFolder, at point: String, _ signal: Int32, now: String = "2026-11-26")
        throws -> (status: Int32, stderr: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRun.executable)
        process.arguments = Self.runArguments.map { $0 == "2026-11-25" ? now : $0 }
        process.currentDirectoryURL = folder.url
        var environment = ProcessInfo.processInfo.environment
        environment["ABSHER_IMPORT_PAUSE_AT"] = point
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let errURL = folder.url.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        try err.close()
        let stderr = try String(contentsOf: errURL, encoding: .utf8)
        try FileManager.default.removeItem(at: errURL)
        return (process.terminationStatus, stderr)
    }

    @Test(arguments: [(SIGTERM, Int32(143), "SIGTERM"), (SIGINT, Int32(130), "SIGINT")])
    func signalBeforeTheCommitRollsBackAndLeavesNothing(signal: Int32, status: Int32, name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try BinaryRun.run(Self.runArguments + ["--quiet"], in: folder.url).status == 0)
        let before = try StoreFingerprint.of(folder.path + "/s.sqlite")
        let reports = Self.entries(folder.path + "/out")
        let run = try Self.signalled(folder, at: "before-commit", signal)
        #expect(run.status == status, "\(run.stderr)")
        #expect(run.stderr.contains("ERROR \(name) received before the commit: rolled back, nothing was merged"))
        #expect(try StoreFingerprint.of(folder.path + "/s.sqlite") == before)
        #expect(Self.entries(folder.path + "/out") == reports, "no report folder, partial or not")
        #expect(Self.entries(folder.path).filter { $0.hasPrefix("s.sqlite") } == ["s.sqlite"], "no -wal, no -shm")
    }

    @Test func signalAfterTheCommitWaitsForTheReportAndExitsByTheOutcome() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = try Self.signalled(folder, at: "after-commit", SIGTERM)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("SIGTERM received after the commit had begun"))
        #expect(try Self.committedRuns(folder) == "1")
        let summary = try String(contentsOfFile: folder.path + "/out/latest/summary.json", encoding: .utf8)
        #expect(summary.contains("\"status\": \"committed\""))
        #expect(!Self.entries(folder.path + "/out").contains { $0.hasSuffix(".partial") })
    }

    /// A run killed (SIGKILL) between its commit and its report leaves a `.partial` folder; the next run moves
    /// it into place with a note instead of deleting it.
    @Test func partialFolderOfACommittedRunIsKeptByTheNextRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRun.executable)
        process.arguments = Self.runArguments + ["--quiet"]
        process.currentDirectoryURL = folder.url
        var environment = ProcessInfo.processInfo.environment
        environment["ABSHER_IMPORT_PAUSE_AT"] = "after-commit"
        process.environment = environment
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let partial = try #require(Self.entries(folder.path + "/out").first { $0.hasSuffix(".partial") })
        let runID = String(partial.dropFirst().dropLast(".partial".count))
        #expect(try Self.committedRuns(folder) == "1")
        // `validate` cannot ask the store which runs were committed: it leaves the folder alone.
        let validate = try BinaryRun.run(
            [
                "validate", Self.sample, "--reports", "out", "--now", "2026-11-25", "--max-reject-rate", "0.5",
                "--quiet",
            ],
            in: folder.url)
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(Self.entries(folder.path + "/out").contains(partial))
        let next = try BinaryRun.run(
            Self.runArguments.map { $0 == "2026-11-25" ? "2026-11-26" : $0 } + ["--quiet"], in: folder.url)
        #expect(next.status == 0, "\(next.stderr)")
        let kept = folder.path + "/out/" + runID
        #expect(FileManager.default.fileExists(atPath: kept + "/changes.csv"))
        #expect(FileManager.default.fileExists(atPath: kept + "/INCOMPLETE.txt"))
        #expect(!Self.entries(folder.path + "/out").contains { $0.hasSuffix(".partial") })
    }
}
