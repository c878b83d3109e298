import AbsherRules
import Foundation
import Testing

/// Contract §4.6 on SampleData/, through the built binary: every rule's message says what it found with its
/// numbers (the 8 of "8 digits", the 052 of "052 is not…", the 30 of "30 February"), a cascade names the row
/// and rule that caused it, and the Arabic report writes every reason in Arabic.
@Suite struct SampleDataMessageTests {
    /// One expected message: file, line, rule, and what the English and the Arabic message must say.
    struct Expected: CustomStringConvertible {
        var file: String
        var line: String
        var rule: String
        var english: String
        var arabic: String
        var description: String { "\(file):\(line) \(rule)" }
    }

    /// At least one row of every rule SampleData shows, with the specifics its message must carry.
    static let expected: [Expected] = [
        .init(
            file: "citizens.csv", line: "1", rule: "header.unknown-column",
            english: "Column 11 'notes' is not a column of citizens.csv",
            arabic: "العمود 11 «notes» ليس من أعمدة citizens.csv"),
        .init(
            file: "residents.csv", line: "1", rule: "header.sensitive-column",
            english: "Column 10 is a password column", arabic: "العمود 10 عمود كلمة مرور"),
        .init(
            file: "citizens.csv", line: "33", rule: "id.format",
            english: "The ID has 8 digits; it must have exactly 10.", arabic: "عدد أرقام الهوية 8"),
        .init(
            file: "citizens.csv", line: "34", rule: "id.format", english: "The ID holds 'A' at position 2",
            arabic: "في الهوية «A» في الموضع 2"),
        .init(
            file: "residents.csv", line: "25", rule: "id.format", english: "The ID has 4 digits",
            arabic: "عدد أرقام الهوية 4"),
        .init(
            file: "citizens.csv", line: "35", rule: "id.checksum",
            english: "The check digit (the tenth) is 7; the Luhn check digit of the first nine is 6.",
            arabic: "رقم التحقق (الرقم العاشر) هو 7، ورقم التحقق الصحيح للأرقام التسعة الأولى هو 6"),
        .init(
            file: "citizens.csv", line: "36", rule: "id.kind",
            english:
                "The ID starts with 2, so it is an iqama number; national_id takes national IDs, which start with 1.",
            arabic: "يبدأ الرقم بـ 2، فهو رقم إقامة"),
        .init(
            file: "residents.csv", line: "27", rule: "id.kind",
            english: "starts with 3, so it is a border number; iqama_number takes iqama numbers", arabic: "فهو رقم حدود"
        ),
        .init(
            file: "citizens.csv", line: "37", rule: "required.missing",
            english: "The required value national_id is empty.", arabic: "القيمة الإلزامية national_id فارغة."),
        .init(
            file: "citizens.csv", line: "41", rule: "mobile.invalid", english: "052 is not a mobile prefix",
            arabic: "052 ليست بادئة جوال"),
        .init(
            file: "residents.csv", line: "32", rule: "mobile.invalid", english: "052 is not a mobile prefix",
            arabic: "052 ليست بادئة جوال"),
        .init(
            file: "citizens.csv", line: "42", rule: "mobile.invalid",
            english: "This is a landline number (area code 011), not a mobile",
            arabic: "هذا رقم هاتف ثابت (رمز المنطقة 011)"),
        .init(
            file: "citizens.csv", line: "43", rule: "mobile.invalid", english: "05799 is not a mobile prefix",
            arabic: "05799 ليست بادئة جوال"),
        .init(
            file: "sponsors.csv", line: "32", rule: "mobile.invalid", english: "The mobile has 7 digits",
            arabic: "عدد أرقام الجوال 7"),
        .init(
            file: "citizens.csv", line: "44", rule: "email.invalid", english: "two dots in a row, at position 5",
            arabic: "نقطتان متتاليتان في الموضع 5"),
        .init(
            file: "citizens.csv", line: "45", rule: "email.invalid", english: "The address has no '@'",
            arabic: "لا يحوي العنوان «@»"),
        .init(
            file: "residents.csv", line: "33", rule: "email.invalid", english: "The domain localhost has one label",
            arabic: "للنطاق localhost مقطع واحد"),
        .init(
            file: "citizens.csv", line: "46", rule: "username.invalid",
            english: "The username starts with '1'; it must start with an English letter.",
            arabic: "يبدأ اسم المستخدم بـ «1»"),
        .init(
            file: "citizens.csv", line: "47", rule: "username.invalid",
            english: "The username has 3 characters; at least 6 are needed.",
            arabic: "عدد أحرف اسم المستخدم 3، والحد الأدنى 6."),
        .init(
            file: "residents.csv", line: "34", rule: "username.invalid", english: "The username starts with 'ر'",
            arabic: "يبدأ اسم المستخدم بـ «ر»"),
        .init(
            file: "citizens.csv", line: "48", rule: "name.script",
            english: "'A' at position 6 is a Latin letter; name_ar takes Arabic letters",
            arabic: "«A» في الموضع 6 حرف لاتيني"),
        .init(
            file: "residents.csv", line: "35", rule: "name.script",
            english: "'3' at position 6 is a digit; name_en takes Latin letters", arabic: "«3» في الموضع 6 رقم"),
        .init(
            file: "citizens.csv", line: "50", rule: "date.invalid",
            english: "30 February 1990 does not exist: February 1990 has 28 days.",
            arabic: "لا يوجد يوم 30 من فبراير 1990: عدد أيام فبراير 1990 هو 28."),
        .init(
            file: "citizens.csv", line: "51", rule: "date.invalid", english: "Month 13 does not exist",
            arabic: "لا يوجد الشهر 13"),
        .init(
            file: "citizens.csv", line: "52", rule: "date.invalid",
            english: "The year 1850 is in neither calendar's range", arabic: "السنة 1850 خارج نطاق التقويمين"),
        .init(
            file: "residents.csv", line: "37", rule: "date.invalid",
            english: "31 April 1995 does not exist: April 1995 has 30 days.", arabic: "لا يوجد يوم 31 من أبريل 1995"),
        .init(
            file: "citizens.csv", line: "53", rule: "date.future",
            english: "The birth date 2026-11-26 is after the run date 2026-11-25.",
            arabic: "تاريخ الميلاد 2026-11-26 بعد تاريخ التشغيل 2026-11-25."),
        .init(
            file: "citizens.csv", line: "55", rule: "gender.invalid", english: "'X' is not a gender",
            arabic: "«X» ليست قيمة للجنس"),
        .init(
            file: "citizens.csv", line: "56", rule: "language.invalid", english: "'fr' is not a preferred language",
            arabic: "«fr» ليست لغة مفضلة"),
        .init(
            file: "residents.csv", line: "38", rule: "nationality.invalid", english: "SAU is Saudi Arabia",
            arabic: "SAU رمز المملكة العربية السعودية"),
        .init(
            file: "residents.csv", line: "39", rule: "nationality.invalid",
            english: "'XXX' is not an assigned ISO 3166-1 alpha-3 code.", arabic: "«XXX» ليس رمزًا مخصّصًا"),
        .init(
            file: "residents.csv", line: "40", rule: "nationality.invalid", english: "'IN' is not three Latin letters",
            arabic: "«IN» ليست ثلاثة أحرف لاتينية"),
        .init(
            file: "sponsors.csv", line: "28", rule: "sponsor.type-mismatch",
            english: "The sponsor type is individual, but a sponsor ID that starts with 7 is an establishment's.",
            arabic: "نوع الكفيل individual، لكن رقم الكفيل الذي يبدأ بـ 7 رقمُ منشأة."),
        .init(
            file: "sponsors.csv", line: "30", rule: "sponsor.type-mismatch", english: "'company' is not a sponsor type",
            arabic: "«company» ليس نوع كفيل"),
        .init(
            file: "citizens.csv", line: "57", rule: "document.expired",
            english: "The document expired on 2026-11-24, 1 day(s) before the run date 2026-11-25.",
            arabic: "انتهت الوثيقة في 2026-11-24، قبل تاريخ التشغيل 2026-11-25 (الفرق بالأيام: 1)."),
        .init(
            file: "citizens.csv", line: "64", rule: "id.duplicate",
            english: "An identical repeat of line 63; merged once.", arabic: "تكرار مطابق للسطر 63"),
        .init(
            file: "citizens.csv", line: "66", rule: "id.duplicate-conflict",
            english: "The ID is on 2 rows with different values (lines 66, 67)", arabic: "(الأسطر 66، 67)"),
        .init(
            file: "citizens.csv", line: "68", rule: "username.duplicate",
            english: "The username saad.alotaibi is claimed by 2 people: 1207354141, 2680535602.",
            arabic: "عدد الأشخاص الذين يطلبون اسم المستخدم saad.alotaibi هو 2: 1207354141، 2680535602."),
        .init(
            file: "citizens.csv", line: "69", rule: "mobile.shared",
            english: "6 people share this mobile; at most 5 may",
            arabic: "عدد الأشخاص الذين يشتركون في هذا الجوال 6، والحد الأقصى 5"),
        .init(
            file: "citizens.csv", line: "77", rule: "email.shared",
            english: "6 people share this e-mail address; at most 5 may",
            arabic: "يشتركون في هذا البريد الإلكتروني 6، والحد الأقصى 5"),
        .init(
            file: "citizens.csv", line: "91", rule: "row.malformed",
            english: "The record has 12 cells; the header has 11.",
            arabic: "عدد خلايا السجل 12، وعدد أعمدة سطر العناوين 11."),
        .init(
            file: "citizens.csv", line: "97", rule: "row.malformed", english: "unterminated quote",
            arabic: "علامة اقتباس لم تُغلق"),
        // Cascades: the row and rule that caused them (validate reads no store).
        .init(
            file: "residents.csv", line: "45", rule: "sponsor.unknown",
            english: "The sponsor 7522671372 is in sponsors.csv at line 32, but that row was rejected (mobile.invalid)",
            arabic: "الكفيل 7522671372 في sponsors.csv في السطر 32، لكن ذلك الصف رُفض (mobile.invalid)"),
        .init(
            file: "residents.csv", line: "44", rule: "sponsor.unknown",
            english: "The sponsor 7334432639 is not among this run's sponsors, and validate does not read the store.",
            arabic: "الكفيل 7334432639 ليس من كفلاء هذا التشغيل"),
        .init(
            file: "residents.csv", line: "46", rule: "sponsor.unknown",
            english: "The sponsor 1830862718 is a person of citizens.csv (line 2) but not among this run's sponsors",
            arabic: "الكفيل 1830862718 شخص في citizens.csv (السطر 2)"),
        .init(
            file: "sponsors.csv", line: "24", rule: "sponsor.person-unknown",
            english:
                "The individual sponsor 1209948379 is in citizens.csv at line 44, but that row was rejected (email.invalid)",
            arabic: "الكفيل الفرد 1209948379 في citizens.csv في السطر 44، لكن ذلك الصف رُفض (email.invalid)"),
        .init(
            file: "sponsors.csv", line: "25", rule: "sponsor.person-unknown",
            english: "is in citizens.csv at line 66, but that row was rejected (id.duplicate-conflict)",
            arabic: "في citizens.csv في السطر 66، لكن ذلك الصف رُفض (id.duplicate-conflict)"),
        .init(
            file: "sponsors.csv", line: "26", rule: "sponsor.person-unknown",
            english: "The individual sponsor 1640740443 is not a person of this run",
            arabic: "الكفيل الفرد 1640740443 ليس شخصًا في هذا التشغيل"),
    ]

    /// `validate SampleData` in `language`: its rejects.csv rows as (file, line, rule) -> messages.
    static func messages(language: String, in folder: TemporaryFolder) throws -> [String: [String]] {
        let run = try BinaryRun.run(
            [
                "validate", "SampleData", "--now", "2026-11-25", "--reports", folder.path + "/" + language,
                "--max-reject-rate", "1", "--report-language", language, "--quiet",
            ], in: BinaryRun.packageRoot)
        #expect(run.status == 0, "\(run.stderr)")
        let table = try CSVTable(contentsOf: folder.path + "/" + language + "/latest/rejects.csv")
        var messages: [String: [String]] = [:]
        for record in table.records {
            let key = "\(record["file"] ?? ""):\(record["line"] ?? "") \(record["rule"] ?? "")"
            messages[key, default: []].append(record["message"] ?? "")
        }
        return messages
    }

    @Test func everyRuleOfSampleDataSaysWhatItFoundInEnglishAndArabic() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let english = try Self.messages(language: "en", in: folder)
        let arabic = try Self.messages(language: "ar", in: folder)
        for row in Self.expected {
            let found = english[row.description] ?? []
            #expect(found.contains { $0.contains(row.english) }, "\(row): \(found)")
            let foundArabic = arabic[row.description] ?? []
            #expect(foundArabic.contains { $0.contains(row.arabic) }, "\(row): \(foundArabic)")
        }
        // Every rule SampleData shows is in the table above, and no finding falls back to its rule's summary.
        let rules = Set(english.keys.map { String($0.split(separator: " ").last!) })
        #expect(rules.subtracting(Self.expected.map(\.rule)).isEmpty, "\(rules.subtracting(Self.expected.map(\.rule)))")
        let summaries = Set(RuleCode.allCases.map(\.summary))
        for (key, found) in english {
            for message in found { #expect(!summaries.contains(message), "\(key) says only \(message)") }
        }
    }

    /// The text of a reason cell outside its code and value spans, tags and entities removed.
    static func prose(_ cell: String) -> String {
        cell.replacing(#/<code[^>]*>.*?</code>/#, with: "").replacing(#/<bdi[^>]*>.*?</bdi>/#, with: "")
            .replacing(#/<[^>]*>/#, with: "").replacing(#/&[a-z]+;|&#[0-9]+;/#, with: "")
    }

    @Test func arabicReportWritesNoReasonInLatinLettersButCodesValuesAndColumnNames() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = try BinaryRun.run(
            [
                "run", "SampleData", "--now", "2026-11-25", "--max-reject-rate", "1", "--quiet", "--report-language",
                "ar", "--store", folder.path + "/absher.sqlite", "--reports", folder.path + "/reports",
            ], in: BinaryRun.packageRoot)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: folder.path + "/reports/latest/report.html", encoding: .utf8)
        let cells = html.matches(of: #/<td class="d">(.*?)</td>/#).map { String($0.output.1) }
        let findings = try CSVTable(contentsOf: folder.path + "/reports/latest/rejects.csv").records.count
        #expect(cells.count > findings, "\(cells.count) reason and description cells for \(findings) findings")
        for cell in cells {
            let prose = Self.prose(cell)
            #expect(prose.unicodeScalars.contains { (0x0621...0x064A).contains($0.value) }, "\(cell)")
            #expect(
                !prose.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) },
                "Latin letters outside codes and values: \(cell)")
        }
    }
}
