import AbsherReading
import AbsherSchema

extension CalendarDate {
    /// What is wrong with a date cell that `parse` rejected (contract §4.6): not a date form, a year in neither
    /// calendar, a month that does not exist, or a day that its month does not have (30 February, 30 Shawwal
    /// 1445). Only rejected cells come here; the checks follow `parse`'s.
    package static func message(_ text: String) -> FindingMessage {
        var folded = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    Digits.asciiDigit(of: scalar).map { Unicode.Scalar($0) } ?? scalar
                }))
        var isMarkedHijri = false
        for mark in ["هـ", "ه", "H", "h"] where folded.hasSuffix(mark) {
            folded.removeLast(mark.count)
            if folded.hasSuffix(" ") { folded.removeLast() }
            isMarkedHijri = true
            break
        }
        guard let (year, month, day) = fields(Array(folded.utf8)) else { return FindingMessage(.dateForm) }
        if year >= UmmAlQuraTable.firstYear, year <= UmmAlQuraTable.lastYear {
            guard let length = UmmAlQuraTable.monthLength(year: year, month: month) else {
                return FindingMessage(.dateMonth, .number(month))
            }
            return FindingMessage(.dateDayHijri, .number(day), .hijriMonth(month), .number(year), .number(length))
        }
        if isMarkedHijri { return FindingMessage(.dateHijriMarkGregorianYear, .number(year)) }
        guard year >= 1900, year <= 2100 else { return FindingMessage(.dateYearRange, .number(year)) }
        guard month >= 1, month <= 12 else { return FindingMessage(.dateMonth, .number(month)) }
        let length = GregorianDate.daysIn(month: month, year: year)
        return FindingMessage(.dateDayGregorian, .number(day), .gregorianMonth(month), .number(year), .number(length))
    }

    /// Year, month and day of `YYYY-MM-DD` or `DD/MM/YYYY` in ASCII, or nil.
    private static func fields(_ bytes: [UInt8]) -> (Int, Int, Int)? {
        guard bytes.count == 10 else { return nil }
        func number(_ from: Int, _ length: Int) -> Int? {
            var value = 0
            for byte in bytes[from..<(from + length)] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte &- 0x30)
            }
            return value
        }
        if bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") {
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
            return (year, month, day)
        }
        if bytes[2] == UInt8(ascii: "/"), bytes[5] == UInt8(ascii: "/") {
            guard let day = number(0, 2), let month = number(3, 2), let year = number(6, 4) else { return nil }
            return (year, month, day)
        }
        return nil
    }
}
