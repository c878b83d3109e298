import AbsherRules

/// A calendar date as it is written in an export: Gregorian or Hijri, ISO or day-first.
struct DateValue {
    var year: Int
    var month: Int
    var day: Int
    /// `YYYY-MM-DD` when false, `DD/MM/YYYY` when true.
    var dayFirst: Bool

    /// A birth date: Gregorian 1950–2006 or Hijri 1380–1425, always a real day.
    static func birth(_ random: inout SplitMix64) -> DateValue {
        let hijri = random.chance(0.2)
        return DateValue(
            year: hijri ? random.within(1380...1425) : random.within(1950...2006),
            month: random.within(1...12),
            day: random.within(hijri ? 1...29 : 1...28),
            dayFirst: random.chance(0.2)
        )
    }

    /// An expiry date: mostly years ahead, a few already past (`document.expired`).
    static func expiry(_ random: inout SplitMix64, expired: Bool) -> DateValue {
        let hijri = random.chance(0.3)
        let year: Int
        if expired {
            year = hijri ? random.within(1440...1444) : random.within(2019...2023)
        } else {
            year = hijri ? random.within(1450...1456) : random.within(2028...2034)
        }
        return DateValue(
            year: year, month: random.within(1...12), day: random.within(hijri ? 1...29 : 1...28),
            dayFirst: random.chance(0.15))
    }

    /// The same day some years later (a renewal).
    func renewed(byYears years: Int) -> DateValue {
        var copy = self
        copy.year += years
        return copy
    }
}

extension DateValue {
    /// The same day in the other calendar (Umm al-Qura Hijri for a Gregorian date and back), in the other
    /// order of its parts.
    func inOtherCalendar() -> DateValue {
        if year >= UmmAlQuraTable.firstYear, year <= UmmAlQuraTable.lastYear,
            let days = UmmAlQuraTable.daysSince1970(year: year, month: month, day: day)
        {
            let gregorian = GregorianDate(daysSince1970: days)
            return DateValue(year: gregorian.year, month: gregorian.month, day: gregorian.day, dayFirst: !dayFirst)
        }
        guard let days = GregorianDate(year: year, month: month, day: day)?.daysSince1970 else { return self }
        let starts = UmmAlQuraTable.monthStarts
        // The last month that starts on or before the day.
        var low = 0
        var high = starts.count - 1
        guard days >= Int(starts[low]), days < Int(starts[high]) else { return self }
        while high - low > 1 {
            let middle = (low + high) / 2
            if Int(starts[middle]) <= days { low = middle } else { high = middle }
        }
        return DateValue(
            year: UmmAlQuraTable.firstYear + low / 12, month: low % 12 + 1, day: days - Int(starts[low]) + 1,
            dayFirst: !dayFirst)
    }
}
