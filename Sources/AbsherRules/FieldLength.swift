import AbsherSchema

/// The longest value each field accepts (contract §6.12 Bounded size): a longer cell is rejected by its field's
/// own rule, with its length in the message, before any other check, and is never stored (its finding's value
/// is cut to `Finding.valueLimit`). Lengths count characters after normalisation.
package enum FieldLength {
    /// Names, Arabic and English, and sponsors' names: 200 characters.
    package static let nameLimit = 200
    /// An e-mail address: 254 characters, the most RFC 5321 allows in a forward path.
    package static let emailLimit = 254
    /// Every other field (dates, mobiles, codes, IDs): 64 characters, far above any valid value.
    package static let shortLimit = 64

    package static func limit(of field: Field) -> Int {
        switch field {
        case .nameAr, .nameEn, .name: nameLimit
        case .email: emailLimit
        default: shortLimit
        }
    }

    /// The rule that rejects a value of this field that is too long: the rule the field's values answer to.
    package static func rule(of field: Field) -> RuleCode {
        switch field {
        case .nameAr, .nameEn, .name: .nameScript
        case .birthDate, .documentExpiry: .dateInvalid
        case .gender: .genderInvalid
        case .mobile: .mobileInvalid
        case .email: .emailInvalid
        case .username: .usernameInvalid
        case .preferredLanguage: .languageInvalid
        case .nationality: .nationalityInvalid
        case .sponsorID: .idFormat
        case .sponsorType: .sponsorTypeMismatch
        }
    }

    /// The message for `text` when it is longer than its field allows, else nil. Linear in the value, and
    /// constant time for a value whose UTF-8 fits the limit.
    package static func excess(_ text: String, field: Field, column: String) -> FindingMessage? {
        let limit = limit(of: field)
        guard text.utf8.count > limit else { return nil }
        let length = text.count
        guard length > limit else { return nil }
        return FindingMessage(.valueTooLong, .column(column), .count(length), .count(limit))
    }
}
