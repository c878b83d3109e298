import AbsherImport
import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation
import Testing

/// SampleData/ through the built binary: `validate` reports exactly SampleData/expected-findings.csv, every rule
/// `validate` checks fires at least once, and a second `run` of the same files changes nothing.
@Suite struct SampleDataTests {
    /// One finding as SampleData/expected-findings.csv lists it.
    struct Finding: Hashable, Comparable, CustomStringConvertible {
        var file: String
        var line: String
        var rule: String
        var field: String

        static func < (lhs: Finding, rhs: Finding) -> Bool { lhs.description < rhs.description }
        var description: String { "\(file):\(line) \(rule) [\(field)]" }

        init(_ record: [String: String]) {
            file = record["file"] ?? "?"
            line = record["line"] ?? "?"
            rule = record["rule"] ?? "?"
            field = record["field"] ?? "?"
        }
    }

    /// Rules `validate` cannot show on SampleData: the store-only `username.taken` and the file-level codes
    /// (which make a file unusable or concern its encoding, and are covered by the reading and exit-code tests).
    static let rulesNotInSampleData: Set<RuleCode> = [
        .usernameTaken, .fileUnreadable, .fileEmpty, .headerMissingColumn, .headerDuplicateColumn,
        .fileEncodingGuessed,
        // Only `run` gives these (NightlyGuardTests): validate never reads the store, and SampleData has all kinds.
        .fileSameAsLastRun, .fileKindMissing,
        // About the store, not a row: only a run on a store edited by hand (HostileStoreTests).
        .storeInvalidRecord,
        // SampleData holds no person under two IDs: MatchingTests makes pairs of its own.
        .personPossibleDuplicate,
    ]

    static func expectedFindings() throws -> Set<Finding> {
        let path = BinaryRun.packageRoot.appendingPathComponent("SampleData/expected-findings.csv").path
        return Set(try CSVTable(contentsOf: path).records.map(Finding.init))
    }

    /// Runs `validate SampleData` from the package root (so paths in the reports are relative) and returns the
    /// findings of its rejects.csv.
    static func validateSampleData(reports: TemporaryFolder) throws -> (BinaryRun, [Finding]) {
        let run = try BinaryRun.run(
            ["validate", "SampleData", "--now", "2026-11-25", "--reports", reports.path, "--max-reject-rate", "1"],
            in: BinaryRun.packageRoot)
        let rejects = try CSVTable(contentsOf: reports.path + "/latest/rejects.csv")
        #expect(rejects.header == ["file", "line", "record_id", "field", "rule", "severity", "message", "value"])
        return (run, rejects.records.map(Finding.init))
    }

    @Test func validateReportsExactlyTheExpectedFindings() throws {
        let reports = try TemporaryFolder()
        defer { reports.remove() }
        let (run, findings) = try Self.validateSampleData(reports: reports)
        #expect(run.status == 0)
        #expect(run.stdout.contains("228 rows read, 163 accepted, 65 rejected"))
        let expected = try Self.expectedFindings()
        #expect(expected.count == 89)
        #expect(findings.count == Set(findings).count, "a finding is reported twice")
        let found = Set(findings)
        #expect(found.subtracting(expected).sorted() == [], "findings SampleData/expected-findings.csv lacks")
        #expect(expected.subtracting(found).sorted() == [], "expected findings validate missed")
    }

    @Test func everyRuleValidateChecksFiresOnSampleData() throws {
        let reports = try TemporaryFolder()
        defer { reports.remove() }
        let (_, findings) = try Self.validateSampleData(reports: reports)
        let fired = Set(findings.map(\.rule))
        let checked = RuleCode.allCases.filter { !Self.rulesNotInSampleData.contains($0) }
        #expect(checked.count == RuleCode.allCases.count - Self.rulesNotInSampleData.count)
        for rule in checked {
            #expect(fired.contains(rule.rawValue), "no SampleData row fires \(rule.rawValue)")
        }
        #expect(fired.subtracting(RuleCode.allCases.map(\.rawValue)).isEmpty, "a rule code outside the catalogue")
    }

    @Test func secondRunOfTheSameFilesLeavesEveryRecordUnchanged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let arguments = [
            "run", "SampleData", "--now", "2026-11-25", "--max-reject-rate", "1",
            "--store", folder.path + "/absher.sqlite", "--reports", folder.path + "/reports",
        ]
        let first = try BinaryRun.run(arguments, in: BinaryRun.packageRoot)
        #expect(first.status == 0)
        #expect(first.stdout.contains("changes: 160 new"))
        #expect(try Self.changeCounts(folder.path + "/reports/latest/summary.json") == ["new": 160])

        let second = try BinaryRun.run(arguments, in: BinaryRun.packageRoot)
        #expect(second.status == 0)
        #expect(second.stdout.contains("changes: 160 unchanged"))
        #expect(try Self.changeCounts(folder.path + "/reports/latest/summary.json") == ["unchanged": 160])
        let changes = try CSVTable(contentsOf: folder.path + "/reports/latest/changes.csv")
        #expect(changes.header == ["record_id", "kind", "change", "field", "old_value", "new_value"])
        #expect(changes.rows.filter { $0.count > 2 && $0[2] != "unchanged" } == [])
    }

    /// The `changes` object of a summary.json.
    static func changeCounts(_ path: String) throws -> [String: Int] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        return ((object as? [String: Any])?["changes"] as? [String: Int]) ?? [:]
    }
}
