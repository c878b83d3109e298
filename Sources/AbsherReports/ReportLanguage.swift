/// The language of `report.html`.
public enum ReportLanguage: String, Sendable {
    case english = "en"
    case arabic = "ar"
}
