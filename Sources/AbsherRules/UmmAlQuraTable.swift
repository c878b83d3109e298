import AbsherReading
import AbsherSchema
import Foundation

/// The start of every Umm al-Qura month of the years 1300–1500 AH, built once from Foundation's
/// `islamicUmmAlQura` calendar (ICU's `islamic-umalqura`), so that a Hijri date converts with two
/// array reads instead of a `Calendar` call.
package enum UmmAlQuraTable {
    /// The first Hijri year the table covers.
    package static let firstYear = 1300
    /// The last Hijri year the table covers.
    package static let lastYear = 1500

    /// Days since 1970-01-01 of the first day of each month, month by month from 1300-01, plus the
    /// start of 1501-01 so that every month's length is the difference of two neighbours.
    package static let monthStarts: [Int32] = {
        var calendar = Calendar(identifier: .islamicUmmAlQura)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var starts: [Int32] = []
        starts.reserveCapacity((lastYear - firstYear + 1) * 12 + 1)
        for year in firstYear...(lastYear + 1) {
            for month in 1...12 {
                if year > lastYear, month > 1 { break }
                let date = calendar.date(from: DateComponents(year: year, month: month, day: 1))!
                starts.append(Int32((date.timeIntervalSince1970 / 86_400).rounded(.down)))
            }
        }
        return starts
    }()

    /// Days since 1970-01-01 of a real Umm al-Qura day, or nil when the year is outside the table or
    /// the day is not in its month (1445-10-30 does not roll over).
    package static func daysSince1970(year: Int, month: Int, day: Int) -> Int? {
        guard year >= firstYear, year <= lastYear, month >= 1, month <= 12, day >= 1 else { return nil }
        let index = (year - firstYear) * 12 + month - 1
        let starts = monthStarts
        let start = Int(starts[index])
        guard day <= Int(starts[index + 1]) - start else { return nil }
        return start + day - 1
    }

    /// The number of days of an Umm al-Qura month of the table, or nil outside it.
    package static func monthLength(year: Int, month: Int) -> Int? {
        guard year >= firstYear, year <= lastYear, month >= 1, month <= 12 else { return nil }
        let index = (year - firstYear) * 12 + month - 1
        return Int(monthStarts[index + 1]) - Int(monthStarts[index])
    }
}

extension UmmAlQuraTable {
    /// The Umm al-Qura day of a day counted from 1970-01-01, or nil outside 1300–1500 AH (reports show a
    /// birth date in both calendars, and the generator writes the other calendar).
    package static func hijri(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int)? {
        let starts = monthStarts
        guard let first = starts.first, let last = starts.last, days >= Int(first), days < Int(last) else {
            return nil
        }
        var low = 0
        var high = starts.count - 1
        // The last month start at or before the day.
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(starts[middle]) <= days { low = middle } else { high = middle }
        }
        return (firstYear + low / 12, low % 12 + 1, days - Int(starts[low]) + 1)
    }
}
