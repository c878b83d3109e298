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
        #expect(ReportLabel.changesNewCounted.text(.english, "%2", "20").hasPrefix("%2 new records; the first 20 "))
        #expect(ReportLabel.changesNewCounted.text(.arabic, "160", "20").hasPrefix("160 سجل جديد؛ تعرض الصفحة أول 20"))
        #expect(ReportLabel.indexTitle.text(.english, "unused") == "Import runs")
    }
}
