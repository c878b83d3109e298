import AbsherReading
import AbsherSchema

extension MessageKey {
    /// The English template.
    public var english: String {
        switch self {
        case .ruleSummary: "{1}"
        case .fileUnreadableReason: "The file cannot be opened or read: {1}"
        case .headerTooManyColumns: "The header (line 1) has {1} columns; at most {2} are read."
        case .headerTooLong: "The header (line 1) is {1} bytes long; at most {2} are read."
        case .fileKindMissing:
            "Snapshot mode, but no {1} file was given: none of its records is checked or deactivated."
        case .fileSameAsLastRun:
            "The file has the same SHA-256 ({1}…) as the file of its kind in the last committed run: a stale export?"
        case .headerSensitiveColumn: "Column {1} is a password column; it is ignored and never stored or echoed."
        case .headerUnknownColumn: "Column {1} '{2}' is not a column of {3}; it is ignored."
        case .headerDuplicateColumn: "Column {1} names {2} again; the file cannot be read safely."
        case .headerMissingColumn: "The required column {1} ({2}) is missing."
        case .rowCellCount: "The record has {1} cells; the header has {2}."
        case .rowUnterminatedQuote: "The record has an unterminated quote; it runs to the end of the file."
        case .requiredMissing: "The required value {1} is empty."
        case .valueTooLong: "The value of {1} is {2} characters long; at most {3} are accepted."
        case .idDigitCount: "The ID has {1} digits; it must have exactly 10."
        case .idCharacter: "The ID holds '{1}' at position {2}; it must be 10 digits and nothing else."
        case .idChecksum: "The check digit (the tenth) is {1}; the Luhn check digit of the first nine is {2}."
        case .idKind: "The ID starts with {1}, so it is {2}; {3} takes {4}."
        case .idKindUnknown: "The ID starts with {1}, which no kind of ID does; {2} takes {3}."
        case .mobileCharacter:
            "The mobile holds '{1}' at position {2}; only digits, spaces, '-', '.', parentheses and a leading '+' "
                + "may stand in it."
        case .mobileDigitCount:
            "The mobile has {1} digits; a Saudi mobile is 05 and 8 more digits, or 9 digits after +966."
        case .mobileCountryCode: "The number starts with +{1}, not +966: it is not a Saudi number."
        case .mobileLandline:
            "This is a landline number (area code {1}), not a mobile; a Saudi mobile starts with 05."
        case .mobilePrefix:
            "{1} is not a mobile prefix: Saudi mobiles start with 050, 051, 053 to 056, 058, 059, 0570 to 0578 "
                + "or 05790 to 05798."
        case .mobileNotFive: "A Saudi mobile's national number starts with 5; this one starts with {1}."
        case .emailNoAt: "The address has no '@'; an e-mail address is a local part, '@' and a domain."
        case .emailManyAt: "The address has {1} '@' signs; an e-mail address has exactly one."
        case .emailLocalEmpty: "Nothing stands before the '@'."
        case .emailLocalTooLong: "The part before the '@' has {1} characters; at most 64 are allowed."
        case .emailLocalCharacter: "'{1}' at position {2} is not allowed before the '@'."
        case .emailLocalLeadingDot: "The part before the '@' starts with a dot."
        case .emailLocalTrailingDot: "The part before the '@' ends with a dot."
        case .emailLocalDoubleDot: "The part before the '@' has two dots in a row, at position {1}."
        case .emailDomainEmpty: "Nothing stands after the '@'."
        case .emailDomainOneLabel:
            "The domain {1} has one label; it needs at least two, separated by a dot (such as `example.sa`)."
        case .emailDomainEmptyLabel: "The domain {1} has an empty label: a dot at an end, or two dots in a row."
        case .emailDomainHyphen: "A label of the domain {1} starts or ends with a hyphen."
        case .emailDomainLabelTooLong: "A label of the domain {1} has {2} characters; at most 63 are allowed."
        case .emailDomainTooLong: "The domain has {1} characters; at most 253 are allowed."
        case .emailDomainCharacter: "'{1}' at position {2} is not allowed in a domain."
        case .emailDomainNumericTop: "The domain {1} ends in {2}, all digits; a top-level domain has letters."
        case .emailTooLong: "The address has {1} characters; at most 254 are allowed."
        case .usernameFirstCharacter: "The username starts with '{1}'; it must start with an English letter."
        case .usernameCharacter:
            "'{1}' at position {2} is not allowed; a username holds English letters, digits, '.', '_' and '-' only."
        case .usernameTooShort: "The username has {1} characters; at least {2} are needed."
        case .usernameTooLong: "The username has {1} characters; at most {2} are allowed."
        case .nameCharacter: "'{1}' at position {2} is {3}; {4} takes {5}."
        case .nameNoLetter: "{1} holds no letter."
        case .dateForm: "The value is not a date in the form `YYYY-MM-DD` or `DD/MM/YYYY`."
        case .dateYearRange: "The year {1} is in neither calendar's range: Hijri 1300 to 1500, Gregorian 1900 to 2100."
        case .dateHijriMarkGregorianYear: "The date is marked Hijri, but {1} is not a Hijri year (1300 to 1500)."
        case .dateMonth: "Month {1} does not exist; months run from 1 to 12."
        case .dateDayGregorian: "{1} {2} {3} does not exist: {2} {3} has {4} days."
        case .dateDayHijri: "{1} {2} {3} AH does not exist: {2} {3} AH has {4} days."
        case .dateFuture: "The birth date {1} is after the run date {2}."
        case .documentExpired: "The document expired on {1}, {2} day(s) before the run date {3}."
        case .genderWord: "'{1}' is not a gender; use `M` or `F`, `male` or `female`, `ذكر` or `أنثى`."
        case .languageWord:
            "'{1}' is not a preferred language; use `ar` or `en` (also `arabic`, `english`, `العربية`, `الإنجليزية`)."
        case .nationalitySaudi: "`SAU` is Saudi Arabia; a resident's nationality is another country's code."
        case .nationalityShape:
            "'{1}' is not three Latin letters; a nationality is an ISO 3166-1 alpha-3 code such as `IND`."
        case .nationalityUnassigned: "'{1}' is not an assigned ISO 3166-1 alpha-3 code."
        case .sponsorTypeWord:
            "'{1}' is not a sponsor type; use `individual` (`فرد`) or `establishment` (`منشأة`)."
        case .sponsorTypeDisagrees: "The sponsor type is {1}, but a sponsor ID that starts with {2} is {3}'s."
        case .idRepeat: "An identical repeat of line {1}; merged once."
        case .idConflict: "The ID is on {1} rows with different values (lines {2}); all of them are rejected."
        case .usernameTaken: "The username {1} belongs to {2} in the store."
        case .usernameDuplicate: "The username {1} is claimed by {2} people: {3}."
        case .sponsorUnknown: "The sponsor {1} is not among this run's sponsors, {2}."
        case .sponsorUnknownRejected:
            "The sponsor {1} is in {2} at line {3}, but that row was rejected ({4}), so it is no sponsor of this "
                + "run, {5}."
        case .sponsorUnknownPerson:
            "The sponsor {1} is a person of {2} (line {3}) but not among this run's sponsors, {4}."
        case .sponsorPersonUnknown: "The individual sponsor {1} is not a person of this run, {2}."
        case .sponsorPersonRejected:
            "The individual sponsor {1} is in {2} at line {3}, but that row was rejected ({4}), so it is no person "
                + "of this run, {5}."
        case .mobileShared: "{1} people share this mobile; at most {2} may (`--max-per-mobile`)."
        case .emailShared: "{1} people share this e-mail address; at most {2} may (`--max-per-email`)."
        case .personPossibleDuplicate: "Probably the same person as {1} {2} (score {3}; agreeing: {4})."
        case .personPossibleDuplicateInStore:
            "Probably the same person as {1} {2} in the store (score {3}; agreeing: {4})."
        case .storeInvalidRecord:
            "The stored {1} record with ID '{2}' does not have the shape of a {1} ID; it is left as it is, neither "
                + "compared, updated nor deactivated."
        case .storeInvalidRecordAndMore:
            "The stored {1} record with ID '{2}' does not have the shape of a {1} ID; it is left as it is, neither "
                + "compared, updated nor deactivated. And {3} more such {1} records."
        }
    }
}
