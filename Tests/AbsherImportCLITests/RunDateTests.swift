import Foundation
import Testing

/// `--now` reads a date as a cell is read: Gregorian 1900 to 2100, Umm al-Qura Hijri 1300 to 1500 or with a
/// trailing H or هـ; anything else is a usage error.
@Suite struct RunDateTests {
    /// The Gregorian day of an Umm al-Qura date, by Foundation's calendar (the oracle, not the tool's table).
    static func gregorian(hijriYear: Int, month: Int, day: Int) throws -> String {
        var hijri = Calendar(identifier: .islamicUmmAlQura)
        hijri.timeZone = TimeZone(identifier: "UTC")!
        let date = try #require(hijri.date(from: DateComponents(year: hijriYear, month: month, day: day)))
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = TimeZone(identifier: "UTC")!
        let parts = gregorian.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    static func runDate(_ now: String) throws -> (BinaryRun, String?) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        let run = try BinaryRun.run(["validate", "in", "--reports", "r", "--now", now, "--json"], in: folder.url)
        let object = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        return (run, object?["run_date"] as? String)
    }

    @Test(arguments: [
        ("1448-05-01", 1448, 5, 1), ("1448-05-01H", 1448, 5, 1), ("01/05/1448 هـ", 1448, 5, 1),
        ("١٤٤٨-٠٥-٠١", 1448, 5, 1), ("1447-06-04", 1447, 6, 4), ("1445-09-01h", 1445, 9, 1),
    ])
    func hijriNowIsTheDayFoundationsUmmAlQuraCalendarGives(text: String, year: Int, month: Int, day: Int) throws {
        let expected = try Self.gregorian(hijriYear: year, month: month, day: day)
        let (hijri, hijriDate) = try Self.runDate(text)
        #expect(hijri.status == 0, "\(hijri.stderr)")
        #expect(hijriDate == expected)
        let (gregorian, gregorianDate) = try Self.runDate(expected)
        #expect(gregorian.status == 0)
        #expect(gregorianDate == hijriDate)
    }

    @Test(arguments: ["1800-01-01", "2200-01-01", "1299-12-29", "1501-01-01", "2026-11-25H", "1448-13-01", "tomorrow"])
    func nowOutsideBothCalendarsIsAUsageError(text: String) throws {
        let (run, date) = try Self.runDate(text)
        #expect(run.status == 64)
        #expect(date == nil)
        #expect(run.stderr.hasPrefix("Error: --now must be a date"))
    }
}
