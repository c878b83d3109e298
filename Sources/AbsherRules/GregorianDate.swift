import AbsherReading
import AbsherSchema

/// A day of the proleptic Gregorian calendar, as the store and reports write it (`YYYY-MM-DD`).
public struct GregorianDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// A real day of the Gregorian calendar with a year from 1 to 9999, or nil.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= GregorianDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses a strict `YYYY-MM-DD` (ASCII digits, a real Gregorian day), as `--now` takes it.
    public init?(iso: String) {
        var iso = iso
        // Over the string's bytes at once (a date is a small string): not one `utf8` step a byte.
        guard let fields = iso.withUTF8({ Self.isoFields($0) }) else { return nil }
        self.init(year: fields.0, month: fields.1, day: fields.2)
    }

    /// The year, month and day of a strict `YYYY-MM-DD`, or nil.
    private static func isoFields(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count == 10 else { return nil }
        var fields = (0, 0, 0)
        for (position, byte) in bytes.enumerated() {
            switch position {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            default:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte &- 0x30)
                if position < 4 {
                    fields.0 = fields.0 * 10 + digit
                } else if position < 7 {
                    fields.1 = fields.1 * 10 + digit
                } else {
                    fields.2 = fields.2 * 10 + digit
                }
            }
        }
        return fields
    }

    /// The day that lies `daysSince1970` days after 1970-01-01 (negative before it).
    ///
    /// Howard Hinnant's `civil_from_days`, exact over the whole proleptic Gregorian calendar.
    package init(daysSince1970: Int) {
        let shifted = daysSince1970 + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days from 1970-01-01 to this date (Hinnant's `days_from_civil`).
    package var daysSince1970: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Whether the Gregorian year has 29 February.
    package static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days of a Gregorian month (1...12).
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`, zero-padded.
    public var description: String {
        let year = year
        let month = month
        let day = day
        return String(unsafeUninitializedCapacity: 10) { buffer in
            buffer[0] = UInt8(truncatingIfNeeded: 0x30 + year / 1000 % 10)
            buffer[1] = UInt8(truncatingIfNeeded: 0x30 + year / 100 % 10)
            buffer[2] = UInt8(truncatingIfNeeded: 0x30 + year / 10 % 10)
            buffer[3] = UInt8(truncatingIfNeeded: 0x30 + year % 10)
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = UInt8(truncatingIfNeeded: 0x30 + month / 10)
            buffer[6] = UInt8(truncatingIfNeeded: 0x30 + month % 10)
            buffer[7] = UInt8(ascii: "-")
            buffer[8] = UInt8(truncatingIfNeeded: 0x30 + day / 10)
            buffer[9] = UInt8(truncatingIfNeeded: 0x30 + day % 10)
            return 10
        }
    }

    public static func < (lhs: GregorianDate, rhs: GregorianDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
