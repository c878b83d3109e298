import Foundation
import Testing

/// Issue 17 through the real binary: one person under two IDs (contract §4b). Quality on generated truth
/// (`absher-datagen --duplicates`), a naturalised resident found in the store by a citizen row of a delta
/// night, dismissal (`matches dismiss`, `matches list`, `lookup`), masking, on SQLite and PostgreSQL.
struct MatchingTests {
    static let common = ["--now", "2026-11-25", "--quiet", "--max-reject-rate", "1"]

    /// Precision and recall over the pairs of `truth.csv`, and the share of look-alikes reported.
    struct Quality {
        var precision: Double
        var recall: Double
        var lookalikesReported: Double
        var pairs: Int
    }

    static func quality(truth: String, matches: String) throws -> Quality {
        var duplicates: Set<[String]> = []
        var lookalikes: Set<[String]> = []
        for row in try CSVTable(contentsOf: truth).rows {
            let pair = [row[0], row[1]].sorted()
            if row[2] == "duplicate" { duplicates.insert(pair) } else { lookalikes.insert(pair) }
        }
        let found = Set(try CSVTable(contentsOf: matches).rows.map { [$0[0], $0[2]].sorted() })
        let right = found.intersection(duplicates).count
        return Quality(
            precision: Double(right) / Double(max(found.count, 1)), recall: Double(right) / Double(duplicates.count),
            lookalikesReported: Double(found.intersection(lookalikes).count) / Double(max(lookalikes.count, 1)),
            pairs: duplicates.count)
    }

    @Test(arguments: [(UInt64(11), "0.05"), (UInt64(12), "0.1")])
    func precisionAndRecallOnGeneratedTruthAreAtLeast98Percent(seed: UInt64, rate: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let data = folder.path + "/data"
        let generator = try KillSafetyTests.spawn(
            KillSafetyTests.datagen, ["--out", data, "--rows", "20000", "--duplicates", rate, "--seed", "\(seed)"])
        generator.waitUntilExit()
        #expect(generator.terminationStatus == 0)
        let run = try BinaryRun.run(
            ["run", data, "--store", folder.path + "/s.sqlite", "--reports", folder.path + "/r"] + Self.common)
        #expect(run.status == 0, "\(run.stderr)")
        let quality = try Self.quality(truth: data + "/truth.csv", matches: folder.path + "/r/latest/matches.csv")
        #expect(quality.pairs > 900)
        #expect(quality.precision >= 0.98, "precision \(quality.precision)")
        #expect(quality.recall >= 0.98, "recall \(quality.recall)")
        #expect(quality.lookalikesReported <= 0.02, "look-alikes reported \(quality.lookalikesReported)")
        // Each pair's record carries the warning, its value the other ID.
        let warnings = try CSVTable(contentsOf: folder.path + "/r/latest/rejects.csv").rows.filter {
            $0[4] == "person.possible-duplicate"
        }
        let matches = try CSVTable(contentsOf: folder.path + "/r/latest/matches.csv").rows
        #expect(warnings.count == matches.count * 2, "both records of a pair of this run are warned")
        for match in matches.prefix(50) {
            #expect(warnings.contains { $0[2] == match[0] && $0[7] == match[2] })
        }
    }
}
