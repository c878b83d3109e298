/// The language of the reports people read (`report.html`, the messages of `rejects.csv`): contract §4.6.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case arabic = "ar"
}
