import AbsherSQLite
import Foundation
import Testing

/// Contract §6.1, issue 15: a run that fails prints the path of its own report when it wrote one, and never
/// another run's; its summary.json says what it read before the failure. Through the built binary, with the
/// store locked by a second connection (exit 75), not a store at all (exit 73), or on a full disk (exit 74).
@Suite struct FailedRunReportTests {
    static func run(_ folder: TemporaryFolder, _ extra: [String] = []) throws -> BinaryRun {
        try BinaryRun.run(
            [
                "run", "--sponsors", folder.path + "/in/sponsors.csv", "--now", "2026-11-25", "--store",
                folder.path + "/absher.sqlite", "--reports", folder.path + "/reports",
            ] + extra)
    }

    static func reportLines(_ run: BinaryRun) -> [String] {
        run.stdout.split(separator: "\n").map(String.init).filter { $0.contains("report:") }
    }

    /// A run locked out by another connection exits 75 at once and prints no report path, not even that of
    /// the run before it (which started in the same second, so that its run ID is the one a locked run would
    /// have made up); it writes no report folder and leaves latest and index.html alone.
    @Test func aLockedRunPrintsNoReportPathAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        let first = try Self.run(folder)
        #expect(first.status == 0, "\(first.stderr)")
        let reportsBefore = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/reports").sorted()
        let indexBefore = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/reports/index.html"))

        let holder = try Database(path: folder.path + "/absher.sqlite", busyTimeoutMilliseconds: 0)
        defer { holder.close() }
        var locked: BinaryRun?
        var json: BinaryRun?
        try holder.inTransaction(.immediate) {
            locked = try Self.run(folder, ["--lock-timeout", "0"])
            json = try Self.run(folder, ["--lock-timeout", "0", "--json"])
            return .rollback
        }
        let run = try #require(locked)
        #expect(run.status == 75, "\(run.stderr)")
        #expect(Self.reportLines(run).isEmpty, "\(run.stdout)")
        #expect(run.stdout == "run failed: no file was read\n")
        #expect(!run.stderr.contains("report"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/reports").sorted() == reportsBefore)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/reports/index.html")) == indexBefore)

        let printed = try #require(json)
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [String: Any])
        #expect(summary["exit_code"] as? Int == 75)
        #expect(summary["status"] as? String == "failed")
        #expect(summary["report"] is NSNull, "a locked run has no report")
        #expect((summary["files"] as? [Any])?.isEmpty == true)
    }

    /// A store that is not an absher-import store: exit 73 before anything is read, no report path.
    @Test func aStoreThatIsNotAStoreExits73WithoutAReportPath() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        try folder.write("absher.sqlite", String(repeating: "not a database ", count: 100))
        let run = try Self.run(folder)
        #expect(run.status == 73, "\(run.stderr)")
        #expect(Self.reportLines(run).isEmpty, "\(run.stdout)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/reports/latest"))
    }

    /// The store on a full disk fails the merge (exit 74) after the files were read: the run writes its own
    /// report, prints that path (latest's), and its summary.json holds what was read.
    @Test(.enabled(if: TinyFileSystem.canMount, "needs root to mount a tmpfs"))
    func aStoreOnAFullDiskReportsWhatWasReadAndPrintsItsOwnReport() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        guard let disk = try FullDiskTests.storeOnAFullDisk(in: folder) else { return }
        defer { disk.unmount() }
        let run = try BinaryRun.run(
            [
                "run", "big", "--store", "disk/store.sqlite", "--reports", "out", "--now", "2026-11-25",
                "--max-reject-rate", "1", "--max-deactivate-rate", "1",
            ],
            in: folder.url)
        #expect(run.status == 74, "\(run.stderr)")
        let latest = try FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/out/latest")
        #expect(Self.reportLines(run) == ["  report: out/\(latest)/report.html"], "\(run.stdout)")
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/latest/summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(summary["exit_code"] as? Int == 74)
        #expect(summary["report"] as? String == "out/\(latest)/report.html")
        let totals = try #require(summary["totals"] as? [String: Any])
        // What was read before the failure: every file, with its counts.
        let rows = try #require(totals["rows"] as? Int)
        #expect(rows > 2_000, "\(totals)")
        #expect((totals["accepted"] as? Int ?? 0) + (totals["rejected"] as? Int ?? 0) == rows)
        let files = try #require(summary["files"] as? [[String: Any]])
        #expect(files.count == 3)
        #expect(files.reduce(0) { $0 + ($1["rows"] as? Int ?? 0) } == rows)
    }
}
