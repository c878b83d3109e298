/// One error planted in a row, named after the rule that must catch it.
enum Defect: CaseIterable {
    case idFormat
    case idChecksum
    case idKind
    case requiredMissing
    case mobileInvalid
    case emailInvalid
    case usernameInvalid
    case nameScript
    case dateInvalid
    case dateFuture
    case genderInvalid
    case languageInvalid
    case nationalityInvalid
    case sponsorUnknown
    case sponsorTypeMismatch
    case rowMalformed

    static let citizenDefects: [Defect] = [
        .idFormat, .idChecksum, .idKind, .requiredMissing, .mobileInvalid, .emailInvalid, .usernameInvalid,
        .nameScript, .dateInvalid, .dateFuture, .genderInvalid, .languageInvalid, .rowMalformed,
    ]

    static let residentDefects: [Defect] = citizenDefects + [.nationalityInvalid, .sponsorUnknown]

    static let sponsorDefects: [Defect] = [
        .idFormat, .requiredMissing, .mobileInvalid, .emailInvalid, .sponsorTypeMismatch, .rowMalformed,
    ]
}
