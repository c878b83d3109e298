/// How a record differs on night 2 from night 1.
enum Change: CaseIterable {
    case mobileChanged
    case sponsorTransfer
    case expiryRenewed
    case emailChanged
    case nameCorrected

    static let personChanges: [Change] = [.mobileChanged, .expiryRenewed, .emailChanged, .nameCorrected]
    static let residentChanges: [Change] = personChanges + [.sponsorTransfer, .sponsorTransfer]
    static let sponsorChanges: [Change] = [.mobileChanged, .emailChanged, .nameCorrected]
}
