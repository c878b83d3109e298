import AbsherRules
import Foundation

/// The pairs mode's files: citizens.csv, residents.csv, sponsors.csv (the one establishment every resident
/// names) and truth.csv.
extension PairPopulation {
    struct Tally {
        var citizens = 0
        var residents = 0
        var duplicates = 0
        var lookalikes = 0
    }

    func write(to directory: URL) throws -> Tally {
        var tally = Tally()
        var citizens = "national_id,name_ar,name_en,birth_date,gender,mobile,email\n"
        var residents = "iqama_number,name_en,name_ar,nationality,birth_date,gender,mobile,email,sponsor_id\n"
        for person in records {
            let cells = Self.cells(person)
            if person.isCitizen {
                citizens +=
                    [cells.id, cells.arabic, cells.english, cells.birth, cells.gender, cells.mobile, cells.email]
                    .joined(separator: ",") + "\n"
                tally.citizens += 1
            } else {
                residents +=
                    [
                        cells.id, cells.english, cells.arabic, person.nationality, cells.birth, cells.gender,
                        cells.mobile,
                        cells.email, String(sponsorID),
                    ].joined(separator: ",") + "\n"
                tally.residents += 1
            }
        }
        var truthText = "id_a,id_b,truth\n"
        for (first, second, kind) in truth {
            truthText += "\(first),\(second),\(kind)\n"
            if kind == "duplicate" { tally.duplicates += 1 } else { tally.lookalikes += 1 }
        }
        let files = [
            ("citizens.csv", citizens), ("residents.csv", residents),
            ("sponsors.csv", "sponsor_id,sponsor_type,name\n\(sponsorID),establishment,Pairs Test Company\n"),
            ("truth.csv", truthText),
        ]
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        return tally
    }

    private static func cells(_ person: PairPerson) -> (
        id: String, arabic: String, english: String, birth: String, gender: String, mobile: String, email: String
    ) {
        (
            String(person.id), person.arabic?.joined(separator: " ") ?? "",
            person.english?.joined(separator: " ") ?? "", birthText(person),
            person.writesGender ? (person.female ? "F" : "M") : "", "0\(person.mobile)", person.email ?? ""
        )
    }

    /// The birth date in the person's calendar and layout.
    static func birthText(_ person: PairPerson) -> String {
        var year: Int
        var month: Int
        var day: Int
        if person.birthHijri, let hijri = UmmAlQuraTable.hijri(daysSince1970: person.birthDay) {
            (year, month, day) = hijri
        } else {
            let date = GregorianDate(daysSince1970: person.birthDay)
            (year, month, day) = (date.year, date.month, date.day)
        }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return person.birthDayFirst ? "\(two(day))/\(two(month))/\(year)" : "\(year)-\(two(month))-\(two(day))"
    }
}
