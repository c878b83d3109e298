import AbsherReading
import AbsherSchema

/// The `sponsor_type` column of sponsors.csv (contract §2.8, §3.9).
public enum SponsorType: String, Sendable {
    /// A person sponsor: leading 1 or 2.
    case individual
    /// An establishment: leading 7.
    case establishment

    /// `individual`/`فرد` or `establishment`/`منشأة` (also `منشاة` without hamza), any letter case;
    /// otherwise nil.
    public init?(text: String) {
        if FixedWord.matches(text, "individual") || text == "فرد" {
            self = .individual
        } else if FixedWord.matches(text, "establishment") || text == "منشأة" || text == "منشاة" {
            self = .establishment
        } else {
            return nil
        }
    }
}
