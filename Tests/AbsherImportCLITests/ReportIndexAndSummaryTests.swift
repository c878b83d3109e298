import Foundation
import Testing

/// Contract §6.7 and §6.8, issue 15, through the built binary: `Reports/index.html` after each run, the fields
/// summary.json gained (version, thresholds, reject rates, report, store), and what `validate` says to fix first.
@Suite struct ReportIndexAndSummaryTests {
    static func summary(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func indexListsEveryRunOfTheFolderNewestFirstInTheLastRunsLanguage() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let common = [
            "--now", "2026-11-25", "--max-reject-rate", "1", "--reports", folder.path + "/reports", "--quiet",
        ]
        let store = ["--store", folder.path + "/absher.sqlite"]
        #expect(try BinaryRun.run(["run", "SampleData"] + common + store, in: BinaryRun.packageRoot).status == 0)
        #expect(try BinaryRun.run(["validate", "SampleData"] + common, in: BinaryRun.packageRoot).status == 0)
        let index = folder.path + "/reports/index.html"
        let english = try String(contentsOfFile: index, encoding: .utf8)
        #expect(english.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(english.contains("2 runs in this folder, newest first."))
        let last = try BinaryRun.run(
            ["run", "SampleData", "--report-language", "ar"] + common + store, in: BinaryRun.packageRoot)
        #expect(last.status == 0)
        let html = try String(contentsOfFile: index, encoding: .utf8)
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        let folders = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/reports")
            .filter { !$0.hasPrefix(".") && $0 != "latest" && $0 != "index.html" }.sorted()
        #expect(folders.count == 3)
        // Newest first, each linking to a report that is there.
        var position = html.startIndex
        for name in folders.reversed() {
            let link = "<a href=\"./\(name)/report.html\">"
            let found = try #require(html.range(of: link, range: position..<html.endIndex), "\(name) in order")
            position = found.upperBound
            #expect(FileManager.default.fileExists(atPath: folder.path + "/reports/\(name)/report.html"))
        }
        #expect(html.contains("<td class=\"n\">228</td>"))
        #expect(html.contains("<code>required.missing</code> 8"))
        #expect(html.contains(HTMLReportPercent.of(65, 228)))
        for forbidden in ["http:", "https:", "<script", "src=", "url("] { #expect(!html.contains(forbidden)) }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path + "/reports").allSatisfy {
                !$0.hasSuffix(".tmp")
            })
    }

    @Test func summaryHoldsTheVersionThresholdsRejectRatesReportAndStore() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = try BinaryRun.run(
            [
                "run", "SampleData", "--now", "2026-11-25", "--max-reject-rate", "0.4", "--max-deactivate-rate",
                "0.2", "--max-per-mobile", "7", "--max-per-email", "3", "--lock-timeout", "2.5", "--store",
                folder.path + "/absher.sqlite", "--reports", folder.path + "/reports", "--quiet",
            ], in: BinaryRun.packageRoot)
        #expect(run.status == 0, "\(run.stderr)")
        let latest = try FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/reports/latest")
        let summary = try Self.summary(folder.path + "/reports/latest/summary.json")
        let version = try BinaryRun.run(["--version"]).stdout.split(separator: "\n").first ?? ""
        #expect(version == "absher-import \(summary["version"] as? String ?? "?")")
        #expect(summary["report"] as? String == folder.path + "/reports/\(latest)/report.html")
        #expect(summary["store"] as? String == folder.path + "/absher.sqlite")
        let thresholds = try #require(summary["thresholds"] as? [String: Any])
        #expect(thresholds["max_reject_rate"] as? Double == 0.4)
        #expect(thresholds["max_deactivate_rate"] as? Double == 0.2)
        #expect(thresholds["max_per_mobile"] as? Int == 7)
        #expect(thresholds["max_per_email"] as? Int == 3)
        #expect(thresholds["lock_timeout"] as? Double == 2.5)
        #expect(thresholds["username_min"] as? Int == 6)
        let totals = try #require(summary["totals"] as? [String: Int], "totals stay whole numbers")
        let rate = try #require(summary["reject_rate"] as? Double)
        let rows = try #require(totals["rows"])
        let rejected = try #require(totals["rejected"])
        #expect(abs(rate - Double(rejected) / Double(rows)) < 1e-6)
        for file in try #require(summary["files"] as? [[String: Any]]) {
            let fileRate = try #require(file["reject_rate"] as? Double)
            let expected = Double(file["rejected"] as? Int ?? -1) / Double(file["rows"] as? Int ?? 1)
            #expect(abs(fileRate - expected) < 1e-6, "\(file)")
        }
        // The keys summary.json had before are all still there.
        for key in [
            "run_id", "command", "mode", "run_date", "started_at", "ended_at", "status", "exit_code",
            "files", "totals", "rules", "changes",
        ] {
            #expect(summary[key] != nil, "\(key)")
        }
    }

    @Test func validateHasNoStoreAndNoStoreThresholds() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        let run = try BinaryRun.run(["validate", "in", "--reports", "out", "--json"], in: folder.url)
        #expect(run.status == 0)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(summary["store"] == nil)
        let thresholds = try #require(summary["thresholds"] as? [String: Any])
        #expect(thresholds["max_deactivate_rate"] == nil)
        #expect(thresholds["lock_timeout"] == nil)
        let latest = try FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/out/latest")
        #expect(summary["report"] as? String == "out/\(latest)/report.html")
    }

    /// validate's summary ends with what to fix first: the rules by number of findings, one example each.
    @Test func validatePrintsWhatToFixFirst() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let common = ["validate", "SampleData", "--now", "2026-11-25", "--max-reject-rate", "1"]
        let run = try BinaryRun.run(common + ["--reports", folder.path + "/plain"], in: BinaryRun.packageRoot)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex(of: "  fix first (rules by number of findings, one example each):"))
        #expect(lines[start + 1] == "    required.missing (error): 8 findings")
        #expect(lines[start + 2].hasPrefix("      e.g. citizens.csv:"))
        #expect(lines.contains("    and 20 more rules; every finding is in rejects.csv"))
        #expect(lines.last?.hasPrefix("  report: ") == true)
        #expect(run.stdout.contains("'+966551234567'"), "the shared mobile's example")
        let masked = try BinaryRun.run(
            common + ["--mask-pii", "--reports", folder.path + "/masked"], in: BinaryRun.packageRoot)
        #expect(masked.stdout.contains("  fix first"))
        #expect(!masked.stdout.contains("+966551234567"))
    }
}

/// The reject rate as the index shows it (`28.5%`).
enum HTMLReportPercent {
    static func of(_ part: Int, _ whole: Int) -> String { String(format: "%.1f%%", Double(part) * 100 / Double(whole)) }
}
