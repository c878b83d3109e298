import Foundation
import Testing

/// `--json` on every command that prints a result, and `--log-format json` on a successful run, read back with
/// Foundation's JSON parser.
@Suite struct JSONOutputTests {
    static func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    static func object(_ text: String) throws -> NSDictionary {
        try #require(try parse(text) as? NSDictionary)
    }

    static func sampleRun(_ folder: TemporaryFolder, _ extra: [String] = []) throws -> BinaryRun {
        try BinaryRun.run(
            [
                "run", "SampleData", "--now", "2026-11-25", "--max-reject-rate", "1", "--store",
                folder.path + "/absher.sqlite", "--reports", folder.path + "/reports",
            ] + extra, in: BinaryRun.packageRoot)
    }

    @Test(arguments: ["run", "validate"])
    func runAndValidatePrintTheSummaryJSONObjectAndNothingElse(command: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var arguments = [command, "SampleData", "--now", "2026-11-25", "--max-reject-rate", "1", "--json"]
        arguments += ["--reports", folder.path + "/reports"]
        if command == "run" { arguments += ["--store", folder.path + "/absher.sqlite"] }
        let run = try BinaryRun.run(arguments, in: BinaryRun.packageRoot)
        #expect(run.status == 0)
        let printed = try Self.object(run.stdout)
        let written = try Self.object(
            String(contentsOfFile: folder.path + "/reports/latest/summary.json", encoding: .utf8))
        #expect(printed == written)
        #expect(printed["command"] as? String == command)
        #expect((printed["totals"] as? [String: Int])?["rows"] == 228)
        #expect((printed["files"] as? [Any])?.count == 3)
    }

    @Test func runsPrintsAnArrayOfRunsOldestFirst() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try Self.object(try Self.sampleRun(folder, ["--json"]).stdout)
        let second = try Self.object(try Self.sampleRun(folder, ["--json"]).stdout)
        let runs = try BinaryRun.run(["runs", "--json", "--store", folder.path + "/absher.sqlite"])
        #expect(runs.status == 0)
        let array = try #require(try Self.parse(runs.stdout) as? [[String: Any]])
        #expect(array.map { $0["run_id"] as? String } == [first["run_id"] as? String, second["run_id"] as? String])
        #expect(array.map { $0["status"] as? String } == ["committed", "committed"])
        #expect(array.first?["rows"] as? Int == 228)
        #expect((array.first?["changes"] as? [String: Int])?["new"] == 160)
        #expect((array.last?["changes"] as? [String: Int])?["unchanged"] == 160)
        let empty = try TemporaryFolder()
        defer { empty.remove() }
        try empty.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        _ = try BinaryRun.run(
            ["run", "in", "--store", "s.sqlite", "--reports", "r", "--dry-run", "--quiet"], in: empty.url)
        // A dry run of a first night leaves no store, as there was none: `runs` says so and exits 73.
        let none = try BinaryRun.run(["runs", "--json", "--store", empty.path + "/s.sqlite"])
        #expect(none.status == 73)
        #expect(none.stderr.contains("there is no store at"), "\(none.stderr)")
        #expect(none.stdout.isEmpty)
    }

    @Test func lookupPrintsTheRecordsWithTheirHistory() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        let store = folder.path + "/s.sqlite"
        #expect(
            try BinaryRun.run(["run", "in", "--store", store, "--reports", "r", "--quiet"], in: folder.url).status == 0)
        let run = try BinaryRun.run(["lookup", "7000000002", "--store", store, "--json"])
        #expect(run.status == 0)
        let records = try #require(try Self.parse(run.stdout) as? [[String: Any]])
        #expect(records.count == 1)
        #expect(records.first?["kind"] as? String == "sponsor")
        #expect(records.first?["id"] as? String == "7000000002")
        #expect(records.first?["active"] as? Bool == true)
        #expect((records.first?["fields"] as? [String: Any])?["name"] as? String == "Beta")
        let history = try #require(records.first?["history"] as? [[String: Any]])
        #expect(history.map { $0["change"] as? String } == ["new"])
        let nothing = try BinaryRun.run(["lookup", "7000000009", "--store", store, "--json"])
        #expect(nothing.status == 1)
        #expect((try Self.parse(nothing.stdout) as? [Any])?.isEmpty == true)
    }

    @Test func exportPrintsTheFilesWritten() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        let store = folder.path + "/s.sqlite"
        #expect(
            try BinaryRun.run(["run", "in", "--store", store, "--reports", "r", "--quiet"], in: folder.url).status == 0)
        let run = try BinaryRun.run(["export", "--store", store, "--out", folder.path + "/out", "--json"])
        #expect(run.status == 0)
        let files = try #require(try Self.parse(run.stdout) as? [[String: Any]])
        #expect(files.map { $0["kind"] as? String } == ["citizen", "resident", "sponsor"])
        #expect(files.map { $0["rows"] as? Int } == [0, 0, 2])
        for file in files {
            #expect(FileManager.default.fileExists(atPath: file["path"] as? String ?? "/nonexistent"))
        }
    }

    @Test func jsonLogOfASuccessfulRunHasAnInfoLineForEveryPhase() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = try Self.sampleRun(folder, ["--log-format", "json"])
        #expect(run.status == 0)
        let lines = try run.stderr.split(separator: "\n").map { try Self.object(String($0)) }
        #expect(lines.allSatisfy { $0["level"] as? String == "info" && $0["time"] is String })
        let messages = lines.compactMap { $0["message"] as? String }
        #expect(messages == ["run started", "file read", "file read", "file read", "committed", "report written"])
        let files = lines.filter { $0["message"] as? String == "file read" }
        #expect(files.compactMap { $0["rows"] as? Int }.reduce(0, +) == 228)
        #expect(files.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
        #expect((lines.last?["report"] as? String)?.hasSuffix("/report.html") == true)
        #expect(lines[4]["new"] as? Int == 160)
    }
}
