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

@testable import AbsherImport

@Suite struct HTMLReportTests {
    private static let languages: [ReportLanguage] = [.english, .arabic]

    private func page(
        _ outcome: RunOutcome, _ language: ReportLanguage = .english, mask: Bool = false
    ) -> String {
        HTMLReport(outcome: outcome, maskPII: mask, language: language).render()
    }

    // MARK: - Self-contained

    @Test(arguments: languages)
    func pageReferencesNothingOutsideItself(language: ReportLanguage) {
        var outcome = SampleOutcome.night()
        outcome.failure = RunFailure(.aborted, "reject rate 5.2% is above --max-reject-rate 0.05")
        let html = page(outcome, language).lowercased()
        for forbidden in [
            "http:", "https:", "//", "src=", "url(", "@import", "<script", "<link", "<img", "ftp:",
        ] {
            #expect(!html.contains(forbidden), "page contains \(forbidden)")
        }
        for href in attributeValues("href", in: html) {
            #expect(href.hasPrefix("#"), "link to \(href)")
        }
    }

    @Test func arabicPageIsRightToLeftAndEnglishLeftToRight() {
        let arabic = page(SampleOutcome.night(), .arabic)
        let english = page(SampleOutcome.night(), .english)
        #expect(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(english.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(arabic.contains("الصفوف المرفوضة والتحذيرات"))
        #expect(
            arabic.contains(
                HTMLReport(outcome: SampleOutcome.night(), maskPII: false, language: .arabic)
                    .description(.idChecksum)))
    }

    @Test func arabicNamesAreIsolatedOnTheEnglishPage() {
        let html = page(SampleOutcome.night())
        #expect(html.contains("<bdi>محمد بن سعد القحطاني</bdi>"))
        #expect(html.contains("<bdi>عبدالله Mohammed</bdi>"))
    }

    @Test func mobilesAndEmailsReadLeftToRightAndNamesTakeTheirOwnDirection() {
        let html = page(SampleOutcome.night(), .arabic)
        #expect(html.contains("<bdi dir=\"ltr\">+966561234567</bdi>"))
        #expect(html.contains("<bdi dir=\"ltr\">فاطمة.الزهراني@@example.sa</bdi>"))
        #expect(html.contains("<bdi>محمد بن سعد القحطاني</bdi>"))
    }

    @Test func arabicPageWritesEveryReasonInArabicWithItsValuesIsolated() {
        let report = HTMLReport(outcome: SampleOutcome.night(), maskPII: false, language: .arabic)
        let html = report.render()
        #expect(html.contains("<td class=\"d\">\(report.description(.idChecksum))</td>"))
        #expect(
            html.contains(
                "عدد الأشخاص الذين يطلبون اسم المستخدم <bdi>sultan.a</bdi> هو 2: <bdi dir=\"ltr\">1012345722</bdi>"))
        #expect(html.contains("عدد خلايا السجل 14، وعدد أعمدة سطر العناوين 12."))
    }

    @Test func rulesTableDescribesEveryRuleFound() {
        let html = page(SampleOutcome.night())
        for rule in Set(SampleOutcome.defaultFindings.map(\.rule)) {
            #expect(
                html.contains(HTMLEscaping.escape("\(FindingMessage.summary(rule))")), "no description of \(rule.code)")
        }
    }

    // MARK: - Escaping

    static let payloads = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "\"><svg onload=alert(3)>",
        "javascript:alert(4)",
        "</style><script>alert(5)</script>",
        "</title><script>alert(6)</script>",
        "'><a href=\"javascript:alert(7)\">x</a>",
        "<iframe srcdoc='<script>alert(8)</script>'>",
        "\u{202E}lmth.exe\u{202C} \u{2066}evil\u{2069}",
    ]

    /// Every payload in every place a value from the input can reach.
    private func hostileOutcome() -> RunOutcome {
        var findings: [Finding] = []
        var changes: [Change] = []
        for (index, payload) in Self.payloads.enumerated() {
            let fileName = payload.replacingOccurrences(of: "/", with: "") + ".csv"
            findings.append(
                Finding(
                    file: fileName, line: index + 2, recordID: payload, field: "name_ar", rule: .nameScript,
                    message: FindingMessage(.nameNoLetter, .column(payload)), value: payload))
            findings.append(
                Finding(
                    file: "citizens.csv", line: index + 2, field: "email", rule: .emailInvalid,
                    value: "x\(payload)@example.com"))
            changes.append(
                Change(
                    recordID: payload, kind: .citizen, change: .updated, field: payload, oldValue: payload,
                    newValue: "\(payload)@example.com"))
        }
        var outcome = SampleOutcome.night(findings: findings, changes: changes)
        outcome.runID = "</title><script>alert(9)</script>"
        outcome.failure = RunFailure(
            .aborted, "failed on <script>alert(10)</script>", file: "<img src=x onerror=alert(11)>")
        outcome.files[0].input = InputFile(
            kind: .citizen, path: "/tmp/<img src=x onerror=alert(12)>.csv")
        outcome.history[0].runID = "<script>alert(13)</script>"
        outcome.history[1].startedAt = "</title><img src=x onerror=alert(14)>"
        return outcome
    }

    @Test(arguments: languages)
    func hostileValuesAreEscaped(language: ReportLanguage) {
        let html = page(hostileOutcome(), language)
        for payload in Self.payloads where payload.contains("<") || payload.contains("\"") {
            #expect(!html.contains(payload), "raw payload \(payload)")
        }
        #expect(html.contains(HTMLEscaping.escape("<script>alert(1)</script>")))
        for marker in [
            "<script", "<img", "<iframe", "<svg onload", "</title><script", "</title><img",
            "</style><script", "<a href=\"javascript",
        ] {
            #expect(!html.contains(marker), "page contains \(marker)")
        }
        let bidiControls: Set<UInt32> = [
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
        ]
        #expect(!html.unicodeScalars.contains { bidiControls.contains($0.value) })
        #expect(html.components(separatedBy: "<title>").count == 2 + svgTitleCount(html))
        #expect(html.components(separatedBy: "</style>").count == 2)
        for href in attributeValues("href", in: html) {
            #expect(href.hasPrefix("#"), "link to \(href)")
        }
    }

    /// Needs Chromium, which `.ci/run` installs.
    @Test(.enabled(if: HTMLReportTests.chromium != nil, "needs chromium on PATH"), arguments: languages)
    func hostileValuesMakeNoElementInChromium(language: ReportLanguage) throws {
        let chromium = try #require(Self.chromium)
        let folder = TempFolder("html-xss")
        let path = folder.write("report.html", page(hostileOutcome(), language))
        let dom = try Self.dumpDOM(chromium, path)
        #expect(dom.contains("<section id=\"findings\">"), "Chromium did not render the page")
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        for tag in tags(in: dom) {
            let lower = tag.lowercased()
            for element in [
                "<script", "<img", "<iframe", "<object", "<embed", "<link", "<base", "<form", "<input",
            ] {
                #expect(!lower.hasPrefix(element), "element made by a payload: \(tag)")
            }
            let attributes = lower.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
                .dropFirst()
            #expect(!attributes.contains { $0.hasPrefix("on") }, "event handler in \(tag)")
            #expect(!lower.contains("javascript:"), "javascript URL in \(tag)")
            #expect(!lower.contains(" src="), "source in \(tag)")
        }
        #expect(tags(in: dom).filter { $0.hasPrefix("<title") }.count == 1 + svgTitleCount(dom))
    }

    // MARK: - Size

    @Test func findingsTableStopsAtTheCapAndPointsToRejectsCSV() {
        let findings = (0..<1_500).map {
            Finding(
                file: "citizens.csv", line: $0 + 2, field: "mobile", rule: .mobileInvalid,
                value: "cap-row-\($0)")
        }
        let html = page(SampleOutcome.night(findings: findings))
        #expect(html.components(separatedBy: "cap-row-").count - 1 == 1_000)
        #expect(html.contains("cap-row-999<"))
        #expect(!html.contains("cap-row-1000<"))
        #expect(html.contains("500 more in rejects.csv"))
    }

    @Test func changesTableStopsAtTheCapAndPointsToChangesCSV() {
        let changes = (0..<1_200).map {
            Change(
                recordID: "cap-change-\($0)", kind: .citizen, change: .updated, field: "name_en", oldValue: "A",
                newValue: "B")
        }
        let html = page(SampleOutcome.night(changes: changes))
        #expect(html.components(separatedBy: "cap-change-").count - 1 == 1_000)
        #expect(html.contains("The table shows 1,000 of the 1,200 changed records; every change is in changes.csv."))
    }

    /// A run keeps only its first changes for the page (`ChangeLog.keepLimit`): the counts say how many more.
    @Test func changesBeyondThoseKeptAreCountedFromTheCountsPerKind() {
        let kept = (0..<10).map {
            Change(recordID: "kept-\($0)", kind: .citizen, change: .deactivated)
        }
        var outcome = SampleOutcome.night(changes: kept)
        outcome.changeCounts = [.deactivated: 5_000, .unchanged: 100]
        let html = page(outcome)
        #expect(html.components(separatedBy: "kept-").count - 1 == 10)
        #expect(html.contains("The table shows 10 of the 5,000 changed records"))
        var whole = SampleOutcome.night(changes: kept)
        whole.changeCounts = [.deactivated: 10]
        #expect(!page(whole).contains("The table shows"))
    }

    /// A first load: its `new` records are counted, the first 20 listed under a folded summary.
    @Test(arguments: languages)
    func newRecordsOfAFirstLoadAreCountedWithTheFirstTwentyShown(language: ReportLanguage) {
        let changes = (0..<160).map { Change(recordID: "new-record-\($0)<", kind: .citizen, change: .new) }
        var outcome = SampleOutcome.night(changes: changes)
        outcome.changeCounts = [.new: 160]
        let html = page(outcome, language)
        #expect(html.components(separatedBy: "new-record-").count - 1 == HTMLReport.newRecordsShown)
        #expect(html.contains("new-record-19&lt;"))
        #expect(!html.contains("new-record-20&lt;"))
        let summary =
            language == .english
            ? "<summary>160 new records; the first 20 are shown here, every one is in changes.csv.</summary>"
            : "<summary>160 سجل جديد؛ تعرض الصفحة أول 20 منها، وكلها في changes.csv.</summary>"
        #expect(html.contains("<details class=\"kind\">" + summary), "the list is folded")
        #expect(!html.contains("records unchanged"), "no unchanged record, no sentence about them")
    }

    /// A night on which nothing changed says so once, with no chart of zeros.
    @Test(arguments: languages)
    func aNightWithoutChangesSaysSoOnceAndDrawsNoChart(language: ReportLanguage) {
        var outcome = SampleOutcome.night(changes: [])
        outcome.changeCounts = [.unchanged: 160]
        let html = page(outcome, language)
        let section = html.components(separatedBy: "<section id=\"changes\">")[1]
            .components(separatedBy: "</section>")[0]
        #expect(!section.contains("<svg"))
        let sentence =
            language == .english
            ? "No record changed: all 160 records read are unchanged."
            : "لم يتغير أي سجل: السجلات المقروءة كلها (160) دون تغيير."
        #expect(section.contains("<p class=\"note\">\(sentence)</p>"))
        #expect(section.components(separatedBy: "<p class=\"note\">").count == 2, "one sentence: \(section)")
        outcome.changeCounts = [:]
        let empty = page(outcome, language)
        #expect(empty.contains(language == .english ? "No record changed." : "لم يتغير أي سجل."))
    }

    @Test func pageOfAHugeRunStaysSmall() {
        let findings = (0..<200_000).map {
            Finding(
                file: "citizens.csv", line: $0 + 2, recordID: "1012345672", field: "mobile",
                rule: .mobileInvalid,
                value: "0521234567")
        }
        let html = page(SampleOutcome.night(findings: findings))
        #expect(html.utf8.count < 600_000)
        #expect(html.contains("199,000 more in rejects.csv"))
        #expect(html.contains("<td class=\"n\">200,000</td>"))
    }

    // MARK: - PII

    @Test(arguments: languages)
    func maskedPageHoldsNoWholeIDMobileOrEmail(language: ReportLanguage) {
        let html = page(SampleOutcome.night(), language, mask: true)
        let secrets = [
            "1000000008", "1000000009", "1012345672", "1012345748", "0521234567", "+966551234567",
            "+966561234567",
            "7001234567", "7007654321", "2012345691", "0551234567", "ahmed.khan@example.com",
            "john.smith@example.com",
            "j.smith@mail.example.co.uk", "فاطمة.الزهراني@@example.sa",
        ]
        for secret in secrets {
            #expect(!html.contains(HTMLEscaping.escape(secret)), "unmasked \(secret)")
        }
        #expect(html.contains("1******672"))
        #expect(html.contains("j******@mail.example.co.uk"))
    }

    // MARK: - Charts

    @Test func trendChartShowsTheLastThirtyRunsThisOneIncluded() {
        let html = page(SampleOutcome.night(historyCount: 34))
        #expect(html.components(separatedBy: "class=\"bar ok").count - 1 == 30)
        #expect(html.components(separatedBy: "class=\"bar bad").count - 1 == 30)
        #expect(html.contains("bar ok current"))
        #expect(html.contains("bar ok stopped"))
    }

    /// Accepted, rejected, warnings, deactivated and the five rules with most findings over the runs shown.
    @Test func trendHasASeriesPerCountAndForTheFiveMostFrequentRules() {
        let report = HTMLReport(outcome: SampleOutcome.night(historyCount: 34), maskPII: false, language: .english)
        let points = report.trendPoints()
        #expect(points.count == 30)
        #expect(points.last?.isCurrent == true)
        let series = report.trendSeries(points)
        #expect(
            series.map(\.name) == [
                "Accepted rows", "Rejected rows", "Warnings", "Deactivated records", "mobile.invalid",
                "id.checksum", "email.invalid", "date.invalid", "name.script",
            ])
        // The oldest run shown is the fifth of the 34 earlier runs (day 5).
        #expect(series[0].values.first == 11_900 + 5 * 37)
        #expect(series[3].values.first == 0)
        #expect(series[3].values[1] == 12)
        #expect(series[4].values.first == 25)
        #expect(series[4].values.last == 1, "this run's mobile.invalid findings")
    }

    /// Every bar carries its value and every run its date, readable without a pointer; a table holds the
    /// same values.
    @Test(arguments: languages)
    func trendShowsEveryValueAndDateAndATable(language: ReportLanguage) {
        let outcome = SampleOutcome.night(historyCount: 34)
        let report = HTMLReport(outcome: outcome, maskPII: false, language: language)
        let html = report.render()
        let section = html.components(separatedBy: "<section id=\"trend\">")[1]
            .components(separatedBy: "</section>")[0]
        let series = report.trendSeries(report.trendPoints())
        #expect(section.components(separatedBy: "class=\"value\">").count - 1 == 30 * series.count)
        #expect(section.contains("class=\"value\">\(HTMLReport.grouped(11_900 + 5 * 37))</text>"))
        for day in 5..<34 {
            #expect(section.contains(">2026-10-\(String(format: "%02d", day % 28 + 1))</text>"))
        }
        #expect(section.contains(">2026-11-25</text>"), "this run's date")
        #expect(section.contains(ReportLabel.trendAxisRuns.text(language)))
        #expect(section.contains(ReportLabel.trendTitle.text(language, "30")))
        let table = section.components(separatedBy: "<details class=\"values\">")[1]
        #expect(table.components(separatedBy: "<tr>").count - 1 == 1 + 30)
        #expect(section.components(separatedBy: "<title>").count - 1 == 1, "no tooltips: the values are on the bars")
    }

    @Test func trendBandsSayThisRunsValueAndTheChangeSinceThePreviousRun() {
        let html = page(SampleOutcome.night(historyCount: 3))
        // Rejected rows: this run 90 (57 + 31 + 2), the previous run (day 2) 60 + 26.
        #expect(html.contains(">this run: 90</text>"))
        #expect(html.contains(">previous: 86 (4 more)</text>"))
        // mobile.invalid: 1 finding in this run, 22 in the previous one.
        #expect(html.contains(">previous: 22 (21 fewer)</text>"))
    }

    @Test func arabicTrendTextIsLaidOutRightToLeft() {
        let html = page(SampleOutcome.night(historyCount: 3), .arabic)
        #expect(html.contains("direction=\"rtl\" class=\"num\">هذا التشغيل: 90</text>"))
        #expect(html.contains("direction=\"rtl\" class=\"num\">السابق: 86 (أكثر بـ 4)</text>"))
    }

    @Test(arguments: languages)
    func trendWithoutEarlierRunsIsANote(language: ReportLanguage) {
        let html = page(SampleOutcome.night(historyCount: 0), language)
        #expect(!html.contains("class=\"bar ok"))
        #expect(html.contains(language == .english ? "No earlier runs" : "لا توجد تشغيلات سابقة"))
    }

    @Test func chartsCountFindingsPerRuleAndChangesPerKind() {
        let html = page(SampleOutcome.night())
        #expect(html.contains("<title>id.checksum: 1</title>"))
        #expect(html.contains("11,204 records unchanged."))
        #expect(!html.contains("<title>unchanged:"))
        #expect(html.contains("<title>sponsor-transfer: 1</title>"))
    }

    @Test func arabicChartsAreMirrored() {
        let english = page(SampleOutcome.night(), .english)
        let arabic = page(SampleOutcome.night(), .arabic)
        #expect(english.contains("<text x=\"230\" y=\"21\" text-anchor=\"end\">"))
        #expect(arabic.contains("<text x=\"410\" y=\"21\" text-anchor=\"start\">"))
    }

    @Test func validatePageHasNoChangesSection() {
        var outcome = SampleOutcome.night()
        outcome.command = .validate
        #expect(!page(outcome).contains("id=\"changes\""))
        #expect(page(SampleOutcome.night()).contains("id=\"changes\""))
    }

    @Test(arguments: [
        (0, "0"), (999, "999"), (1_000, "1,000"), (1_234_567, "1,234,567"), (-12_345, "-12,345"),
    ])
    func groupsThousands(number: Int, expected: String) {
        #expect(HTMLReport.grouped(number) == expected)
    }

    /// With `HTML_REPORT_SAMPLES=DIR`, writes the sample pages there for `Scripts/render-report`.
    /// Writes the sample pages (plain, masked, hostile; each language) into `HTML_REPORT_SAMPLES` when it is
    /// set, for a person to look at, else into a temporary folder; each is a whole page on disk.
    @Test func writesSamplePages() throws {
        let temporary = TempFolder("html-samples")
        let folder = ProcessInfo.processInfo.environment["HTML_REPORT_SAMPLES"] ?? temporary.path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for language in Self.languages {
            written += ["sample", "masked", "hostile"].map { "\(folder)/\($0)-\(language.rawValue).html" }
            try page(SampleOutcome.night(), language).write(
                toFile: "\(folder)/sample-\(language.rawValue).html", atomically: true, encoding: .utf8)
            try page(SampleOutcome.night(), language, mask: true).write(
                toFile: "\(folder)/masked-\(language.rawValue).html", atomically: true, encoding: .utf8)
            try page(hostileOutcome(), language).write(
                toFile: "\(folder)/hostile-\(language.rawValue).html", atomically: true, encoding: .utf8)
        }
        for path in written {
            let page = try String(contentsOfFile: path, encoding: .utf8)
            #expect(page.hasPrefix("<!DOCTYPE html>"), "\(path)")
            #expect(page.hasSuffix("</html>\n"), "\(path)")
        }
    }

    // MARK: - Helpers

    /// `chromium` (or `chromium-browser`) on PATH, if any.
    static let chromium: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    /// The DOM Chromium builds from the page, serialised.
    static func dumpDOM(_ chromium: String, _ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--proxy-server=127.0.0.1:9",
            "--dump-dom", "file://\(path)",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Every `<...>` of serialised HTML (whose text escapes `<`, and whose attributes here hold no `>`).
    private func tags(in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            result.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    private func attributeValues(_ name: String, in html: String) -> [String] {
        html.components(separatedBy: "\(name)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    /// Tooltips (`<title>` inside SVG) besides the page's one title.
    private func svgTitleCount(_ html: String) -> Int {
        let svgs = html.components(separatedBy: "<svg").dropFirst()
        return svgs.reduce(0) { count, svg in
            count
                + (svg.components(separatedBy: "</svg>").first?.components(separatedBy: "<title>").count
                    ?? 1) - 1
        }
    }
}
