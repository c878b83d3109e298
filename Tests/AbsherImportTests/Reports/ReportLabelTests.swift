import AbsherReports
import Testing

/// The words of the trend, the changes and index.html: every one in both languages.
@Suite struct ReportLabelTests {
    @Test(arguments: ReportLabel.allCases)
    func everyLabelHasEnglishAndArabic(label: ReportLabel) {
        #expect(!label.english.isEmpty)
        #expect(label.english.unicodeScalars.allSatisfy { !(0x0600...0x06FF).contains($0.value) })
        #expect(label.arabic.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }, "\(label)")
        // The same placeholders in both, so that no value is lost in either language.
        let placeholders = { (text: String) in (1...9).filter { text.contains("%\($0)") } }
        #expect(placeholders(label.english) == placeholders(label.arabic), "\(label)")
    }

    @Test func placeholdersAreFilledInOnePass() {
        #expect(ReportLabel.trendPrevious.text(.english, "%2", "+1") == "previous: %2 (+1)")
        #expect(ReportLabel.trendPrevious.text(.arabic, "5", "+1") == "السابق: 5 (+1)")
        #expect(ReportLabel.indexTitle.text(.english, "unused") == "Import runs")
    }
}
