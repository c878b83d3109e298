import AbsherReading
import AbsherSchema

/// The catalogue of every finding the tool can report (contract §4.5 Every rule code).
///
/// Rule codes, their severities, descriptions and messages live here and nowhere
/// else: every other file names a case, never a string literal.
public enum RuleCode: String, CaseIterable, Sendable, Error, Comparable {
    // File and header codes (contract §2, listed in §4.5).
    case fileUnreadable = "file.unreadable"
    case fileEmpty = "file.empty"
    case fileEncodingGuessed = "file.encoding-guessed"
    // Nightly guards: a stale export, a missing register (contract §7 Command line).
    case fileSameAsLastRun = "file.same-as-last-run"
    case fileKindMissing = "file.kind-missing"
    case headerMissingColumn = "header.missing-column"
    case headerDuplicateColumn = "header.duplicate-column"
    case headerUnknownColumn = "header.unknown-column"
    case headerSensitiveColumn = "header.sensitive-column"
    // Record structure.
    case rowMalformed = "row.malformed"
    // Field rules (contract §3).
    case requiredMissing = "required.missing"
    case idFormat = "id.format"
    case idChecksum = "id.checksum"
    case idKind = "id.kind"
    case mobileInvalid = "mobile.invalid"
    case emailInvalid = "email.invalid"
    case usernameInvalid = "username.invalid"
    case nameScript = "name.script"
    case dateInvalid = "date.invalid"
    case dateFuture = "date.future"
    case genderInvalid = "gender.invalid"
    case languageInvalid = "language.invalid"
    case nationalityInvalid = "nationality.invalid"
    case sponsorTypeMismatch = "sponsor.type-mismatch"
    case documentExpired = "document.expired"
    // Reconciliation rules (contract §4).
    case idDuplicate = "id.duplicate"
    case idDuplicateConflict = "id.duplicate-conflict"
    case usernameTaken = "username.taken"
    case usernameDuplicate = "username.duplicate"
    case sponsorUnknown = "sponsor.unknown"
    case sponsorPersonUnknown = "sponsor.person-unknown"
    case mobileShared = "mobile.shared"
    case emailShared = "email.shared"
    case personPossibleDuplicate = "person.possible-duplicate"
    // About the store, not a row (contract §5.8).
    case storeInvalidRecord = "store.invalid-record"

    public var code: String { rawValue }

    /// Every code in declaration order, built once (`allCases` makes a new array each time).
    package static let ordered: [RuleCode] = allCases

    public static func < (lhs: RuleCode, rhs: RuleCode) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether a finding of this rule rejects its row (or, for file codes, its file).
    public var severity: Severity {
        switch self {
        case .fileEncodingGuessed, .fileSameAsLastRun, .fileKindMissing, .headerUnknownColumn, .headerSensitiveColumn,
            .idDuplicate, .sponsorPersonUnknown, .mobileShared, .emailShared, .documentExpired,
            .personPossibleDuplicate:
            return .warning
        default:
            return .error
        }
    }

    /// File codes that make the whole file unusable (exit 65).
    public var makesFileUnusable: Bool {
        switch self {
        case .fileUnreadable, .fileEmpty, .headerMissingColumn, .headerDuplicateColumn: return true
        default: return false
        }
    }

    /// One line a reviewer reads in the report's table of rules.
    public var summary: String {
        switch self {
        case .fileUnreadable: return "The file cannot be opened or read."
        case .fileEmpty: return "The file has no header row."
        case .fileEncodingGuessed:
            return "The file is not valid UTF-8 and has no byte order mark; it was read as Windows-1256."
        case .fileSameAsLastRun:
            return "The file has the same SHA-256 as the file of its kind in the last committed run: a stale export?"
        case .fileKindMissing:
            return "Snapshot mode, but no file of this kind was given: none of its records is checked or deactivated."
        case .headerMissingColumn: return "A required column is missing from the header."
        case .headerDuplicateColumn: return "Two header cells name the same column."
        case .headerUnknownColumn: return "A header names a column this tool does not know; it is ignored."
        case .headerSensitiveColumn: return "The file carries a password column; it is never read, stored or echoed."
        case .rowMalformed:
            return "The record has more or fewer cells than the header, or an unterminated quote."
        case .requiredMissing: return "A required value is empty."
        case .idFormat: return "An ID is not exactly 10 digits."
        case .idChecksum: return "An ID's tenth digit is not its Luhn check digit."
        case .idKind: return "An ID's leading digit is not the one its column expects."
        case .mobileInvalid: return "The value is not a Saudi mobile number."
        case .emailInvalid: return "The value is not a valid e-mail address."
        case .usernameInvalid:
            return
                "A username must be ASCII letters, digits, '.', '_' or '-', start with a letter, and fit the length bounds."
        case .nameScript: return "A name holds characters outside its script."
        case .dateInvalid: return "The value is not a real Hijri or Gregorian date in an accepted form."
        case .dateFuture: return "A birth date is after the run date."
        case .genderInvalid: return "Gender must be M/F, male/female, ذكر/أنثى."
        case .languageInvalid: return "Preferred language must be ar or en."
        case .nationalityInvalid: return "Nationality must be an ISO 3166-1 alpha-3 code other than SAU."
        case .sponsorTypeMismatch:
            return "The sponsor type is unknown or disagrees with the sponsor ID's leading digit."
        case .documentExpired: return "The ID or iqama expired before the run date."
        case .idDuplicate: return "The same ID appears more than once with identical values; merged once."
        case .idDuplicateConflict:
            return "The same ID appears more than once with different values; all its rows are rejected."
        case .usernameTaken: return "The username belongs to another person in the store."
        case .usernameDuplicate: return "Two or more people claim the same username in this run."
        case .sponsorUnknown: return "The resident's sponsor is neither in this run's sponsors nor in the store."
        case .sponsorPersonUnknown: return "An individual sponsor is not a person known in this run or the store."
        case .mobileShared: return "One mobile number belongs to more people than allowed."
        case .emailShared: return "One e-mail address belongs to more people than allowed."
        case .personPossibleDuplicate:
            return "The record and another person record with a different ID are probably one person."
        case .storeInvalidRecord:
            return "A stored record's ID is not a valid ID of its kind (a store edited by hand); it is left as it is."
        }
    }
}
