import AbsherReading
import AbsherSchema

/// Words and phrases that messages put into their sentences, in English and Arabic (the catalogue's part of
/// `MessageKey`). Like templates, they may hold `` `code` `` spans.
public enum MessageTerm: String, Sendable, Hashable, CaseIterable {
    // What an ID's leading digit makes of it (contract §3.1, §3.2).
    case nationalID
    case iqama
    case borderNumber
    case unifiedNumber
    // What an ID column takes.
    case citizenColumnIDs
    case residentColumnIDs
    case sponsorColumnIDs
    // Characters in names (contract §3.6).
    case latinLetter
    case arabicLetter
    case otherLetter
    case digit
    case punctuation
    case controlCharacter
    case undecodableByte
    case arabicNameCharacters
    case latinNameCharacters
    case anyNameCharacters
    // Sponsors.
    case individual
    case establishment
    case notInStore
    case storeNotRead
    // The other record of a possible duplicate (contract §4b).
    case theCitizen
    case theResident

    /// The term's English text.
    public var english: String {
        switch self {
        case .nationalID: "a national ID"
        case .iqama: "an iqama number"
        case .borderNumber: "a border number"
        case .unifiedNumber: "an establishment's unified number"
        case .citizenColumnIDs: "national IDs, which start with 1"
        case .residentColumnIDs: "iqama numbers, which start with 2"
        case .sponsorColumnIDs: "IDs that start with 1 or 2, or unified numbers that start with 7"
        case .latinLetter: "a Latin letter"
        case .arabicLetter: "an Arabic letter"
        case .otherLetter: "a letter of another script"
        case .digit: "a digit"
        case .punctuation: "a punctuation mark or symbol"
        case .controlCharacter: "a control character"
        case .undecodableByte: "a byte that is not text in the file's encoding"
        case .arabicNameCharacters: "Arabic letters, spaces and hyphens only"
        case .latinNameCharacters: "Latin letters, spaces, hyphens, apostrophes and full stops only"
        case .anyNameCharacters: "letters of any script, digits and punctuation, but no control characters"
        case .individual: "an individual"
        case .establishment: "an establishment"
        case .notInStore: "nor is it in the store"
        case .storeNotRead: "and `validate` does not read the store"
        case .theCitizen: "the citizen"
        case .theResident: "the resident"
        }
    }

    /// The term's Arabic text (Modern Standard Arabic).
    public var arabic: String {
        switch self {
        case .nationalID: "رقم هوية وطنية"
        case .iqama: "رقم إقامة"
        case .borderNumber: "رقم حدود"
        case .unifiedNumber: "الرقم الموحد لمنشأة"
        case .citizenColumnIDs: "أرقام الهوية الوطنية، وهي تبدأ بالرقم 1"
        case .residentColumnIDs: "أرقام الإقامة، وهي تبدأ بالرقم 2"
        case .sponsorColumnIDs: "أرقامًا تبدأ بالرقم 1 أو 2، أو أرقامًا موحدة تبدأ بالرقم 7"
        case .latinLetter: "حرف لاتيني"
        case .arabicLetter: "حرف عربي"
        case .otherLetter: "حرف من خط آخر"
        case .digit: "رقم"
        case .punctuation: "علامة ترقيم أو رمز"
        case .controlCharacter: "محرف تحكم"
        case .undecodableByte: "بايت ليس نصًا في ترميز الملف"
        case .arabicNameCharacters: "الحروف العربية والمسافات والشرطات فقط"
        case .latinNameCharacters: "الحروف اللاتينية والمسافات والشرطات والفواصل العليا والنقاط فقط"
        case .anyNameCharacters: "حروف أي خط والأرقام وعلامات الترقيم، دون محارف التحكم"
        case .individual: "فرد"
        case .establishment: "منشأة"
        case .notInStore: "وليس في قاعدة البيانات"
        case .storeNotRead: "والأمر `validate` لا يقرأ قاعدة البيانات"
        case .theCitizen: "المواطن"
        case .theResident: "المقيم"
        }
    }

    public func text(_ language: ReportLanguage) -> String { language == .arabic ? arabic : english }

    /// What a valid ID with this leading digit is, if anything.
    package static func idKind(leadingDigit: UInt8) -> MessageTerm? {
        switch leadingDigit {
        case UInt8(ascii: "1"): .nationalID
        case UInt8(ascii: "2"): .iqama
        case UInt8(ascii: "3"), UInt8(ascii: "4"): .borderNumber
        case UInt8(ascii: "7"): .unifiedNumber
        default: nil
        }
    }
}
