import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation
import Testing

@testable import AbsherImport

@Suite struct CalendarDateRuleTests {
    @Test(arguments: [
        ("2024-03-11", "2024-03-11"), ("11/03/2024", "2024-03-11"), ("2024-02-29", "2024-02-29"),
        ("29/02/2024", "2024-02-29"), ("2000-02-29", "2000-02-29"), ("1900-01-01", "1900-01-01"),
        ("2100-12-31", "2100-12-31"), ("1999-12-31", "1999-12-31"), ("٢٠٢٤-٠٣-١١", "2024-03-11"),
        ("۱۱/۰۳/۲۰۲۴", "2024-03-11"), ("2023-04-30", "2023-04-30"),
    ])
    func acceptsGregorianDate(text: String, expected: String) {
        #expect(CalendarDate.parse(text).map(\.description) == .success(expected))
    }

    /// Umm al-Qura vectors; the ones of 1420–1450 agree with the `hijridate` Python package too.
    @Test(arguments: [
        ("1445-09-01", "2024-03-11"), ("01/09/1445", "2024-03-11"), ("1445-09-01هـ", "2024-03-11"),
        ("1445-09-01 هـ", "2024-03-11"), ("01/09/1445H", "2024-03-11"), ("01/09/1445 H", "2024-03-11"),
        ("1445-09-01h", "2024-03-11"), ("1445-09-01ه", "2024-03-11"), ("١٤٤٥-٠٩-٠١هـ", "2024-03-11"),
        ("1420-01-01", "1999-04-17"), ("1425-06-15", "2004-08-01"), ("1430-12-29", "2009-12-16"),
        ("1435-09-01", "2014-06-28"), ("1440-10-01", "2019-06-04"), ("1444-12-30", "2023-07-18"),
        ("1445-01-01", "2023-07-19"), ("1445-09-30", "2024-04-09"), ("1446-02-29", "2024-09-02"),
        ("1450-12-29", "2029-05-13"), ("1300-01-01H", "1882-11-12"),
    ])
    func convertsHijriDateToGregorian(text: String, expected: String) {
        #expect(CalendarDate.parse(text).map(\.description) == .success(expected))
    }

    @Test(arguments: [
        "1445-10-30", "2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
        "1899-12-31", "2101-01-01", "1299-12-29", "1501-01-01", "1700-01-01", "2024-03-11H", "11/03/2024هـ",
        "1445-13-01", "1445-00-01", "1445-01-31", "", "2024-3-11", "11/3/2024", "2024/03/11", "11-03-2024",
        "20240311", "2024-03-11T00:00", "2024-03-11 12:00", "H", "هـ", "2024-03-1a", "2024–03–11",
        "1445-09-01HH", "1445-09-01  H", " 2024-03-11", "2024-03-11 ", "1445-09-01 x", "١٤٤٥-٠٩-٠١x",
    ])
    func rejectsValueThatIsNotARealDateOfAnAcceptedForm(text: String) {
        #expect(CalendarDate.parse(text) == .failure(.dateInvalid))
    }

    /// The table agrees with Foundation's Umm al-Qura calendar checked strictly: build the date from
    /// its components, read them back, and require they are equal.
    @Test func agreesWithFoundationUmmAlQuraReadBackForEveryDay() throws {
        var hijri = Calendar(identifier: .islamicUmmAlQura)
        hijri.timeZone = try #require(TimeZone(identifier: "UTC"))
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = hijri.timeZone
        for year in stride(from: 1300, through: 1500, by: 7) {
            for month in 1...12 {
                for day in 27...30 {
                    let components = DateComponents(year: year, month: month, day: day)
                    let date = try #require(hijri.date(from: components))
                    let back = hijri.dateComponents([.year, .month, .day], from: date)
                    let isReal = back.year == year && back.month == month && back.day == day
                    let text = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day)"
                    let parsed = CalendarDate.parse(text)
                    if isReal {
                        let expected = gregorian.dateComponents([.year, .month, .day], from: date)
                        let date = try #require(
                            GregorianDate(year: expected.year!, month: expected.month!, day: expected.day!))
                        #expect(parsed == .success(date), "\(text)")
                    } else {
                        #expect(parsed == .failure(.dateInvalid), "\(text)")
                    }
                }
            }
        }
    }
}

@Suite struct GregorianDateRuleTests {
    @Test(arguments: [("2026-11-29", 2026, 11, 29), ("0001-01-01", 1, 1, 1), ("2024-02-29", 2024, 2, 29)])
    func parsesStrictISODate(text: String, year: Int, month: Int, day: Int) {
        let date = GregorianDate(iso: text)
        #expect(date == GregorianDate(year: year, month: month, day: day))
        #expect(date?.description == text)
    }

    @Test(arguments: [
        "2023-02-29", "2026-1-29", "2026/11/29", "29/11/2026", "2026-11-29 ", "", "0000-01-01", "٢٠٢٦-١١-٢٩",
        "2026-11-31", "20261129",
    ])
    func rejectsNonStrictISODate(text: String) {
        #expect(GregorianDate(iso: text) == nil)
    }

    @Test func ordersByDayAndConvertsDayCounts() throws {
        let earlier = try #require(GregorianDate(iso: "2024-02-29"))
        let later = try #require(GregorianDate(iso: "2024-03-01"))
        #expect(earlier < later)
        #expect(later.daysSince1970 - earlier.daysSince1970 == 1)
        #expect(GregorianDate(daysSince1970: 0).description == "1970-01-01")
        #expect(GregorianDate(daysSince1970: 19793).description == "2024-03-11")
        for days in stride(from: -30_000, through: 60_000, by: 37) {
            #expect(GregorianDate(daysSince1970: days).daysSince1970 == days)
        }
    }
}
