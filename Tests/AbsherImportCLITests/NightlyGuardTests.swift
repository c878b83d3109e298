import Foundation
import Testing

/// The nightly guards of `run`: a missing kind in snapshot mode (`file.kind-missing`, `--require`) and an
/// export byte-identical to the last committed run's (`file.same-as-last-run`).
@Suite struct NightlyGuardTests {
    static func summary(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path + "/latest/summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func rules(_ reports: String) throws -> [String] {
        try CSVTable(contentsOf: reports + "/latest/rejects.csv").rows.map { $0[4] }
    }

    @Test func snapshotWithOnlySponsorsWarnsOfTheTwoMissingKinds() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        let run = try BinaryRun.run(["run", "in", "--store", "s.sqlite", "--reports", "r"], in: folder.url)
        #expect(run.status == 0)
        let warnings = run.stderr.split(separator: "\n").filter { $0.contains(" WARN file.kind-missing: ") }
        #expect(warnings.count == 2)
        #expect(warnings.first?.contains("kind=citizens") == true)
        #expect(warnings.last?.contains("kind=residents") == true)
        let summary = try Self.summary(folder.path + "/r")
        #expect(summary["missing_kinds"] as? [String] == ["citizens", "residents"])
        #expect((summary["rules"] as? [String: Int])?["file.kind-missing"] == 2)
        #expect(try Self.rules(folder.path + "/r") == ["file.kind-missing", "file.kind-missing"])
    }

    @Test func deltaModeAndACompleteSnapshotDoNotWarnOfMissingKinds() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        let delta = try BinaryRun.run(
            ["run", "in", "--mode", "delta", "--store", "s.sqlite", "--reports", "r"], in: folder.url)
        #expect(delta.status == 0)
        #expect(!delta.stderr.contains("file.kind-missing"))
        #expect(try Self.summary(folder.path + "/r")["missing_kinds"] == nil)
        let full = try BinaryRun.run(
            [
                "run", "SampleData", "--now", "2026-11-25", "--max-reject-rate", "1", "--store",
                folder.path + "/full.sqlite", "--reports", folder.path + "/full",
            ], in: BinaryRun.packageRoot)
        #expect(full.status == 0)
        #expect(!full.stderr.contains("file.kind-missing"))
        #expect(try Self.summary(folder.path + "/full")["missing_kinds"] == nil)
    }

    @Test func requireOfAMissingKindExits65WithNothingTouched() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        let run = try BinaryRun.run(
            ["run", "in", "--store", "s.sqlite", "--reports", "r", "--require", "sponsors,citizens"], in: folder.url)
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("ERROR --require citizens,sponsors: no file for citizens; nothing was touched"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/s.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/r"))
        let satisfied = try BinaryRun.run(
            ["run", "in", "--store", "s.sqlite", "--reports", "r", "--require", "sponsors", "--quiet"], in: folder.url)
        #expect(satisfied.status == 0)
        let unknown = try BinaryRun.run(["run", "in", "--require", "sponsors,people"], in: folder.url)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("Error: --require takes a comma-separated list"))
    }

    @Test func secondCommittedRunOfTheSameFileWarnsSameAsLastRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        let arguments = ["run", "in", "--mode", "delta", "--store", "s.sqlite", "--reports", "r"]
        // A dry run commits nothing, so the first real run has no last run to match.
        #expect(try BinaryRun.run(arguments + ["--dry-run"], in: folder.url).status == 0)
        let first = try BinaryRun.run(arguments, in: folder.url)
        #expect(first.status == 0)
        #expect(!first.stderr.contains("file.same-as-last-run"))
        #expect(try Self.rules(folder.path + "/r") == [])

        let second = try BinaryRun.run(arguments, in: folder.url)
        #expect(second.status == 0)
        #expect(second.stderr.contains(" WARN file.same-as-last-run: ") && second.stderr.contains("file=sponsors.csv"))
        #expect(try Self.rules(folder.path + "/r") == ["file.same-as-last-run"])
        let summary = try Self.summary(folder.path + "/r")
        #expect((summary["rules"] as? [String: Int])?["file.same-as-last-run"] == 1)
        #expect((summary["files"] as? [[String: Any]])?.first?["warnings"] as? Int == 1)

        // A new export of the same kind is not stale.
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors + "7000000003,establishment,Gamma\n")
        let third = try BinaryRun.run(arguments, in: folder.url)
        #expect(third.status == 0)
        #expect(!third.stderr.contains("file.same-as-last-run"))
    }
}
