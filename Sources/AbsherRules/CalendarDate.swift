import AbsherReading
import AbsherSchema

/// Dates in cells (contract §3.7 Dates): Gregorian or Umm al-Qura Hijri, stored as Gregorian.
public enum CalendarDate {
    /// Parses a date cell and returns the Gregorian day, or `.dateInvalid`.
    ///
    /// Forms: `YYYY-MM-DD` or `DD/MM/YYYY` with exactly those digit counts (ASCII or Arabic-Indic
    /// digits), optionally followed, with or without one space, by a Hijri mark: `H`, `h`, `هـ` or
    /// `ه`. A year from 1300 to 1500 is Umm al-Qura Hijri, one from 1900 to 2100 Gregorian; any
    /// other year, a Hijri mark on a Gregorian year, or a day that does not exist in its calendar
    /// (2023-02-29, 1445-10-30) is `.dateInvalid`.
    public static func parse(_ text: String) -> Result<GregorianDate, RuleCode> {
        let utf8 = text.utf8
        var end = utf8.endIndex
        var isMarkedHijri = false
        if let mark = hijriMarkStart(utf8) {
            isMarkedHijri = true
            end = mark
            if end > utf8.startIndex {
                let before = utf8.index(before: end)
                if utf8[before] == UInt8(ascii: " ") { end = before }
            }
        }

        // The ten characters of the date proper, digits folded to ASCII.
        var characters: (UInt64, UInt64) = (0, 0)
        var count = 0
        let parsed: (year: Int, month: Int, day: Int)? = withUnsafeMutableBytes(of: &characters) { buffer in
            var lead: UInt8 = 0
            for byte in utf8[..<end] {
                var character = byte
                if lead != 0 {
                    guard let digit = Digits.asciiDigit(lead: lead, trail: byte) else { return nil }
                    character = digit
                    lead = 0
                } else if byte == 0xD9 || byte == 0xDB {
                    lead = byte
                    continue
                } else if byte >= 0x80 {
                    return nil
                }
                guard count < 10 else { return nil }
                buffer[count] = character
                count += 1
            }
            guard lead == 0, count == 10 else { return nil }
            func number(_ from: Int, _ length: Int) -> Int? {
                var value = 0
                for index in from..<(from + length) {
                    let byte = buffer[index]
                    guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                    value = value * 10 + Int(byte &- 0x30)
                }
                return value
            }
            if buffer[4] == UInt8(ascii: "-"), buffer[7] == UInt8(ascii: "-") {
                guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
                return (year, month, day)
            }
            if buffer[2] == UInt8(ascii: "/"), buffer[5] == UInt8(ascii: "/") {
                guard let day = number(0, 2), let month = number(3, 2), let year = number(6, 4) else { return nil }
                return (year, month, day)
            }
            return nil
        }
        guard let (year, month, day) = parsed else { return .failure(.dateInvalid) }

        if year >= UmmAlQuraTable.firstYear, year <= UmmAlQuraTable.lastYear {
            guard let days = UmmAlQuraTable.daysSince1970(year: year, month: month, day: day) else {
                return .failure(.dateInvalid)
            }
            return .success(GregorianDate(daysSince1970: days))
        }
        guard !isMarkedHijri, year >= 1900, year <= 2100,
            let date = GregorianDate(year: year, month: month, day: day)
        else { return .failure(.dateInvalid) }
        return .success(date)
    }

    /// Where a trailing Hijri mark (`H`, `h`, `هـ` U+0647 U+0640, or `ه` U+0647) starts, if any.
    private static func hijriMarkStart(_ utf8: String.UTF8View) -> String.UTF8View.Index? {
        guard let last = utf8.indices.last else { return nil }
        let byte = utf8[last]
        if byte == UInt8(ascii: "H") || byte == UInt8(ascii: "h") { return last }
        // "ه" is D9 87; "ـ" (tatweel) is D9 80.
        func endsWithHeh(before end: String.UTF8View.Index) -> String.UTF8View.Index? {
            guard utf8.distance(from: utf8.startIndex, to: end) >= 2 else { return nil }
            let start = utf8.index(end, offsetBy: -2)
            guard utf8[start] == 0xD9, utf8[utf8.index(after: start)] == 0x87 else { return nil }
            return start
        }
        if let heh = endsWithHeh(before: utf8.endIndex) { return heh }
        if byte == 0x80, utf8.count >= 4 {
            let tatweel = utf8.index(utf8.endIndex, offsetBy: -2)
            if utf8[tatweel] == 0xD9 { return endsWithHeh(before: tatweel) }
        }
        return nil
    }
}
