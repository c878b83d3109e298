import Foundation

/// The change kinds of contract §5.4.
public enum ChangeKind: String, CaseIterable, Sendable, Comparable {
    case new
    case updated
    case unchanged
    case missing
    case deactivated
    case reactivated
    case sponsorTransfer = "sponsor-transfer"
    case documentRenewed = "document-renewed"
    case recoveryContactChanged = "recovery-contact-changed"

    public static func < (lhs: ChangeKind, rhs: ChangeKind) -> Bool { lhs.rawValue < rhs.rawValue }
}
