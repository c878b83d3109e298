import AbsherReports
import AbsherRules
import AbsherScan
import Foundation
import Testing

/// `Reports/index.html` (contract §6.8), built from the summary.json files of a real folder.
@Suite struct ReportIndexTests {
    /// A run folder holding the summary.json a run with these counts writes (and a report.html).
    private func addRun(
        _ folder: ReportsScratchFolder, _ name: String, startedAt: TimeInterval, status: RunStatus = .committed,
        rejected: Int = 31, report: Bool = true
    ) throws {
        var outcome = SampleOutcome.night()
        outcome.runID = name
        outcome.startedAt = SampleOutcome.started.addingTimeInterval(startedAt)
        outcome.status = status
        outcome.files[0].rejected = rejected
        outcome.files[0].accepted = outcome.files[0].rows - rejected
        let writer = ReportWriter(
            outcome: outcome, options: ReportSettings(language: .english, maskPII: false, reader: ReaderOptions()))
        try FileManager.default.createDirectory(atPath: folder.file(name), withIntermediateDirectories: true)
        try writer.summaryJSON(reportPath: nil).serialized().write(
            toFile: folder.file(name + "/summary.json"), atomically: false, encoding: .utf8)
        if report {
            try "<!DOCTYPE html>".write(toFile: folder.file(name + "/report.html"), atomically: false, encoding: .utf8)
        }
    }

    @Test func listsEveryRunNewestFirstWithItsCountsRateAndTopRules() throws {
        let folder = try ReportsScratchFolder()
        try addRun(folder, "20261125T030000Z", startedAt: 0)
        try addRun(folder, "20261126T030000Z", startedAt: 86_400, status: .aborted, rejected: 900)
        try addRun(folder, "20261126T030000Z-2", startedAt: 86_400)
        try FileManager.default.createDirectory(
            atPath: folder.file(".20261127T030000Z.partial"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("latest"), withDestinationPath: "20261126T030000Z-2")
        let (entries, skipped) = ReportIndex(parent: folder.path, language: .english).read()
        #expect(entries.map(\.folder) == ["20261126T030000Z-2", "20261126T030000Z", "20261125T030000Z"])
        #expect(skipped.isEmpty)
        let aborted = entries[1]
        #expect(aborted.status == "aborted")
        #expect(aborted.rows == 8_412 + 3_120 + 690)
        #expect(aborted.rejected == 900 + 31 + 2)
        #expect(aborted.rejectRate == Double(933) / Double(12_222))
        #expect(aborted.topRules.count == 3)
        #expect(aborted.exitCode == 0)

        try ReportIndex(parent: folder.path, language: .english).write(runID: "20261126T030000Z-2")
        let html = try String(contentsOfFile: folder.file("index.html"), encoding: .utf8)
        #expect(html.contains("<a href=\"./20261126T030000Z-2/report.html\">"))
        #expect(html.contains("<td class=\"n\">\(HTMLReport.grouped(12_222))</td>"))
        #expect(html.contains(HTMLReport.percent(933, of: 12_222)))
        #expect(html.contains("<tr class=\"stopped\">"))
        let first = try #require(html.range(of: "20261126T030000Z-2/report.html"))
        let last = try #require(html.range(of: "20261125T030000Z/report.html"))
        #expect(first.lowerBound < last.lowerBound, "newest first")
        #expect(ReportsScratchFolder.permissions(of: folder.file("index.html")) == 0o600)
        #expect(try ReportsScratchFolder.entries(of: folder.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    /// Folders without a usable summary.json are left out with a note, and none can stop the index.
    @Test func foldersWithoutAUsableSummaryAreSkippedWithANote() throws {
        let folder = try ReportsScratchFolder()
        try addRun(folder, "20261125T030000Z", startedAt: 0)
        let broken: [(String, Data?)] = [
            ("no-summary", nil), ("corrupt", Data("{\"run_id\": ".utf8)), ("binary", Data([0xFF, 0x00, 0xFE])),
            ("not-a-run", Data("[1, 2, 3]".utf8)), ("wrong-types", Data("{\"run_id\": 5, \"status\": []}".utf8)),
            ("huge", Data(repeating: 0x20, count: ReportIndex.summaryLimit + 1)),
        ]
        for (name, bytes) in broken {
            try FileManager.default.createDirectory(atPath: folder.file(name), withIntermediateDirectories: true)
            if let bytes { try bytes.write(to: URL(fileURLWithPath: folder.file(name + "/summary.json"))) }
        }
        try FileManager.default.createDirectory(atPath: folder.file("link-summary"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.file("link-summary/summary.json"), withDestinationPath: "/dev/zero")
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder.file("stray-file")))

        try FileManager.default.createDirectory(atPath: folder.file("odd-numbers"), withIntermediateDirectories: true)
        try Data(
            """
            {"run_id": "odd", "status": "committed", "started_at": "2026-01-01T00:00:00Z", "exit_code": 1e300,
             "totals": {"rows": 1e300, "accepted": -5, "rejected": 2.5, "warnings": "7"},
             "rules": {"id.format": 1e19, "id.kind": 3}, "changes": {"deactivated": true}}
            """.utf8
        ).write(to: URL(fileURLWithPath: folder.file("odd-numbers/summary.json")))

        let (entries, skipped) = ReportIndex(parent: folder.path, language: .english).read()
        #expect(entries.map(\.folder) == ["20261125T030000Z", "odd-numbers"])
        let odd = try #require(entries.last)
        let counts: [Int] = [odd.rows, odd.accepted, odd.rejected, odd.warnings]
        #expect(counts == [0, 0, 0, 0])
        #expect(odd.exitCode == nil)
        #expect(odd.topRules.map(\.code) == ["id.kind", "id.format"])
        let reasons = Dictionary(uniqueKeysWithValues: skipped.map { ($0.folder, $0.reason) })
        #expect(reasons["no-summary"] == .indexNoSummary)
        #expect(reasons["link-summary"] == .indexNoSummary)
        #expect(reasons["corrupt"] == .indexUnreadableSummary)
        #expect(reasons["binary"] == .indexUnreadableSummary)
        #expect(reasons["not-a-run"] == .indexNotASummary)
        #expect(reasons["wrong-types"] == .indexNotASummary)
        #expect(reasons["huge"] == .indexTooLarge)
        #expect(reasons["stray-file"] == nil)
        try ReportIndex(parent: folder.path, language: .english).write(runID: "x")
        let html = try String(contentsOfFile: folder.file("index.html"), encoding: .utf8)
        #expect(html.contains("corrupt</bdi>: its summary.json cannot be read as JSON"))
    }

    /// A folder named like markup or a script link makes neither: escaped, and percent-encoded in the link.
    @Test(arguments: [ReportLanguage.english, .arabic])
    func hostileFolderNamesAreEscapedAndTheLinksStayInTheFolder(language: ReportLanguage) throws {
        let folder = try ReportsScratchFolder()
        let names = ["<script>alert(1)<", "javascript:alert(1)", "a\"b'c&d", "\u{202E}evil", ".."]
        for (index, name) in names.enumerated() where name != ".." {
            try addRun(folder, name, startedAt: Double(index))
        }
        try ReportIndex(parent: folder.path, language: language).write(runID: "x")
        let html = try String(contentsOfFile: folder.file("index.html"), encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(!html.contains("href=\"javascript"))
        #expect(!html.contains("\u{202E}"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;"))
        #expect(html.contains("href=\"./javascript%3Aalert%281%29/report.html\""))
        #expect(html.contains("href=\"./a%22b%27c%26d/report.html\""))
        for forbidden in ["http:", "https:", "src=", "url(", "@import", "<link", "<img"] {
            #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
        }
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(hrefs.count == 4)
        #expect(hrefs.allSatisfy { $0.hasPrefix("./") && $0.hasSuffix("/report.html") && !$0.contains("..") })
    }

    /// The page Chromium builds from an index of hostile folder names holds no element made by a name and no
    /// link out of the reports folder. Needs Chromium, which `.ci/run` installs.
    @Test(.enabled(if: HTMLReportTests.chromium != nil, "needs chromium on PATH"))
    func hostileFolderNamesMakeNoElementInChromium() throws {
        let chromium = try #require(HTMLReportTests.chromium)
        let folder = try ReportsScratchFolder()
        for (index, name) in ["<img src=x onerror=alert(1)>", "<script>alert(1)<", "javascript:alert(1)"]
            .enumerated()
        {
            try addRun(folder, name, startedAt: Double(index))
        }
        try ReportIndex(parent: folder.path, language: .english).write(runID: "x")
        let dom = try HTMLReportTests.dumpDOM(chromium, folder.file("index.html"))
        #expect(dom.contains("<section id=\"runs\">"), "Chromium did not render the page")
        #expect(dom.contains("&lt;img src=x onerror=alert(1)&gt;"))
        for element in ["<img", "<script", "<iframe", "<object", "<embed"] {
            #expect(!dom.lowercased().contains(element), "\(element)")
        }
        #expect(!dom.contains("href=\"javascript"))
    }

    @Test func arabicIndexIsRightToLeftAndInArabic() throws {
        let folder = try ReportsScratchFolder()
        try addRun(folder, "20261125T030000Z", startedAt: 0, status: .aborted)
        try ReportIndex(parent: folder.path, language: .arabic).write(runID: "x")
        let html = try String(contentsOfFile: folder.file("index.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("<h1>تشغيلات الاستيراد</h1>"))
        #expect(html.contains(">أُلغي</span>"))
        #expect(html.contains("<th>أكثر القواعد</th>"))
        #expect(!html.contains(">aborted<"))
    }

    @Test func anEmptyFolderSaysNoRunYet() throws {
        let folder = try ReportsScratchFolder()
        try ReportIndex(parent: folder.path, language: .english).write(runID: "x")
        let html = try String(contentsOfFile: folder.file("index.html"), encoding: .utf8)
        #expect(html.contains(ReportLabel.indexEmpty.english))
        #expect(!html.contains("<table"))
    }
}
