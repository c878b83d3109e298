import AbsherReading
import AbsherSchema

/// Which ID column a value comes from, and so which leading digits it may have (contract §2, §3).
public enum IDColumn: Sendable {
    /// `national_id` of citizens.csv: leading 1.
    case citizen
    /// `iqama_number` of residents.csv: leading 2.
    case resident
    /// `sponsor_id`: leading 1 or 2 (a person), or 7 (an establishment unified number).
    case sponsor

    /// Whether a valid ID with this leading ASCII digit belongs in the column.
    package func accepts(leadingDigit: UInt8) -> Bool {
        switch self {
        case .citizen: return leadingDigit == UInt8(ascii: "1")
        case .resident: return leadingDigit == UInt8(ascii: "2")
        case .sponsor: return leadingDigit == UInt8(ascii: "1") || leadingDigit == UInt8(ascii: "2")
        }
    }
}
