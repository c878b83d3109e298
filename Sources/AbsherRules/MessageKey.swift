import AbsherReading
import AbsherSchema

/// The catalogue of message sentences (contract §4.6), each in English and in Arabic: what was found and what
/// was expected, with the numbers as `MessageArgument`s.
///
/// A template holds `{1}`, `{2}`, … where its arguments go, and `` `code` `` spans for words of the input
/// format, options and codes (shown as code in `report.html`, as they are in the CSV files). Both languages of
/// a key use the same arguments; the Arabic one holds no Latin letter outside its code spans (`MessageCatalogueTests`).
public enum MessageKey: String, Sendable, Hashable, CaseIterable {
    /// The rule's summary (`RuleCode.summary`): its one argument is `.rule`.
    case ruleSummary
    // Files and headers (contract §2).
    case fileUnreadableReason
    case headerTooManyColumns
    case headerTooLong
    case fileKindMissing
    case fileSameAsLastRun
    case headerSensitiveColumn
    case headerUnknownColumn
    case headerDuplicateColumn
    case headerMissingColumn
    // Records and cells.
    case rowCellCount
    case rowUnterminatedQuote
    case requiredMissing
    case valueTooLong
    // IDs (contract §3.1, §3.2).
    case idDigitCount
    case idCharacter
    case idChecksum
    case idKind
    case idKindUnknown
    // Mobiles (contract §3.3).
    case mobileCharacter
    case mobileDigitCount
    case mobileCountryCode
    case mobileLandline
    case mobilePrefix
    case mobileNotFive
    // E-mail addresses (contract §3.4).
    case emailNoAt
    case emailManyAt
    case emailLocalEmpty
    case emailLocalTooLong
    case emailLocalCharacter
    case emailLocalLeadingDot
    case emailLocalTrailingDot
    case emailLocalDoubleDot
    case emailDomainEmpty
    case emailDomainOneLabel
    case emailDomainEmptyLabel
    case emailDomainHyphen
    case emailDomainLabelTooLong
    case emailDomainTooLong
    case emailDomainCharacter
    case emailDomainNumericTop
    case emailTooLong
    // Usernames (contract §3.5).
    case usernameFirstCharacter
    case usernameCharacter
    case usernameTooShort
    case usernameTooLong
    // Names (contract §3.6).
    case nameCharacter
    case nameNoLetter
    // Dates (contract §3.7).
    case dateForm
    case dateYearRange
    case dateHijriMarkGregorianYear
    case dateMonth
    case dateDayGregorian
    case dateDayHijri
    case dateFuture
    case documentExpired
    // Fixed words (contract §3.8, §3.9).
    case genderWord
    case languageWord
    case nationalitySaudi
    case nationalityShape
    case nationalityUnassigned
    case sponsorTypeWord
    case sponsorTypeDisagrees
    // Rules across rows (contract §4.3).
    case idRepeat
    case idConflict
    case usernameTaken
    case usernameDuplicate
    case sponsorUnknown
    case sponsorUnknownRejected
    case sponsorUnknownPerson
    case sponsorPersonUnknown
    case sponsorPersonRejected
    case mobileShared
    case emailShared
    // One person under two IDs (contract §4b).
    case personPossibleDuplicate
    case personPossibleDuplicateInStore
    // The store (contract §5.8).
    case storeInvalidRecord
    case storeInvalidRecordAndMore

    /// The template in `language`.
    public func template(_ language: ReportLanguage) -> String { language == .arabic ? arabic : english }
}
