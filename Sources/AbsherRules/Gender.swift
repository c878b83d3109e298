import AbsherReading
import AbsherSchema

/// Gender values (contract §3.8).
public enum Gender {
    /// `M`/`F`, `male`/`female` (any case), `ذكر`/`أنثى` (also the common spelling `انثى` without
    /// hamza) to `"M"`/`"F"`; anything else is `.genderInvalid`.
    public static func normalize(_ text: String) -> Result<String, RuleCode> {
        if FixedWord.matches(text, "m") || FixedWord.matches(text, "male") || text == "ذكر" { return .success("M") }
        if FixedWord.matches(text, "f") || FixedWord.matches(text, "female") || text == "أنثى" || text == "انثى" {
            return .success("F")
        }
        return .failure(.genderInvalid)
    }
}
