import AbsherReading
import AbsherSchema

/// One parameter of a message (contract §4.6), with its kind: the kind decides how a report shows it (an ID, a
/// mobile or an e-mail is masked under `--mask-pii` before it is put into the sentence, contract §6.10; a date,
/// a count or a limit never is) and how it reads in each language.
public enum MessageArgument: Sendable, Hashable {
    /// An ID, iqama or unified number, valid or not: masked under `--mask-pii`.
    case id(String)
    /// A mobile number in any form: masked under `--mask-pii`.
    case mobile(String)
    /// An e-mail address, valid or not: masked under `--mask-pii`.
    case email(String)
    /// Text from a cell of a column that holds no personal number (a username, a word, a header name, a
    /// character, an e-mail's domain): shown as it is.
    case value(String)
    /// A date (`YYYY-MM-DD` or as written): never masked.
    case date(String)
    /// A count or a limit, written with digits in groups of three (`1,234`): never masked.
    case count(Int)
    /// A number written as it is (a year, a digit, a position): never masked.
    case number(Int)
    /// The first digits of a number (`052`, `011`): too few to name anyone, shown as they are.
    case prefix(String)
    /// A column's name, as the CSV files spell it (`national_id`).
    case column(String)
    /// A code: a kind, a word of the input format, an option (`--max-per-mobile`).
    case code(String)
    /// A rule, by its code.
    case rule(RuleCode)
    /// An input file's name.
    case file(String)
    /// Text from the system (an error's reason), shown as it is.
    case text(String)
    /// A line number.
    case line(Int)
    /// At most a few IDs of a group and the group's size: "a, b and 4,996 more" (contract §6.12).
    case ids([String], total: Int)
    /// At most a few line numbers and the number of lines: "66, 67 and 3 more".
    case lines([Int], total: Int)
    /// A word or phrase of the catalogue, in the message's language.
    case term(MessageTerm)
    /// A month of the Gregorian calendar (1–12), by its name in the message's language.
    case gregorianMonth(Int)
    /// A month of the Umm al-Qura calendar (1–12), by its name in the message's language.
    case hijriMonth(Int)

    /// A single character of a value, quoted in a message: as it is when it is visible, else as `U+0009`.
    package static func character(_ scalar: Unicode.Scalar) -> MessageArgument {
        let properties = scalar.properties
        let visible =
            !(properties.generalCategory == .control || properties.generalCategory == .format
            || properties.generalCategory == .spaceSeparator || properties.generalCategory == .lineSeparator
            || properties.generalCategory == .paragraphSeparator || properties.generalCategory == .unassigned
            || properties.generalCategory == .surrogate || properties.generalCategory == .privateUse
            || properties.isWhitespace || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .enclosingMark)
        if visible && scalar != "\u{FFFD}" { return .value(String(Character(scalar))) }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return .value("U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex)
    }

    /// Text from a cell, cut to `Finding.valueLimit` bytes (a message must not carry a 100 MB cell).
    package static func cell(_ text: String) -> MessageArgument { .value(Finding.capped(text)) }

    /// The names of the months, in English and in Arabic as Saudi Arabia writes them.
    package static let gregorianMonthNames: [(english: String, arabic: String)] = [
        ("January", "يناير"), ("February", "فبراير"), ("March", "مارس"), ("April", "أبريل"), ("May", "مايو"),
        ("June", "يونيو"), ("July", "يوليو"), ("August", "أغسطس"), ("September", "سبتمبر"),
        ("October", "أكتوبر"), ("November", "نوفمبر"), ("December", "ديسمبر"),
    ]

    package static let hijriMonthNames: [(english: String, arabic: String)] = [
        ("Muharram", "محرم"), ("Safar", "صفر"), ("Rabi al-Awwal", "ربيع الأول"), ("Rabi al-Akhir", "ربيع الآخر"),
        ("Jumada al-Ula", "جمادى الأولى"), ("Jumada al-Akhirah", "جمادى الآخرة"), ("Rajab", "رجب"),
        ("Shaban", "شعبان"), ("Ramadan", "رمضان"), ("Shawwal", "شوال"), ("Dhu al-Qadah", "ذو القعدة"),
        ("Dhu al-Hijjah", "ذو الحجة"),
    ]

    /// A list of already written items and the size of the whole group, in the language: `a, b and 4,996 more`,
    /// `a، b و4,996 غيرها`.
    package static func list(_ items: [String], total: Int, language: ReportLanguage) -> String {
        let rest = total - items.count
        switch language {
        case .english:
            let list = items.joined(separator: ", ")
            return rest > 0 ? list + " and \(FindingList.groupedDigits(rest)) more" : list
        case .arabic:
            let list = items.joined(separator: "، ")
            return rest > 0 ? list + " و\(FindingList.groupedDigits(rest)) غيرها" : list
        }
    }
}
