import AbsherReading
import AbsherSchema

/// The preferred language column (contract §2.6 citizens.csv).
public enum PreferredLanguage {
    /// `ar`, `arabic`, `العربية` to `"ar"`; `en`, `english`, `الإنجليزية` (also `الانجليزية`,
    /// without hamza) to `"en"`; any letter case. Anything else is `.languageInvalid`.
    public static func normalize(_ text: String) -> Result<String, RuleCode> {
        if FixedWord.matches(text, "ar") || FixedWord.matches(text, "arabic") || text == "العربية" {
            return .success("ar")
        }
        if FixedWord.matches(text, "en") || FixedWord.matches(text, "english") || text == "الإنجليزية"
            || text == "الانجليزية"
        {
            return .success("en")
        }
        return .failure(.languageInvalid)
    }
}
