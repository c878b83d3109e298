import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// Limits of the shared-contact rules.
public struct ReconcileOptions: Sendable {
    public var maxPeoplePerMobile: Int
    public var maxPeoplePerEmail: Int

    /// `--max-per-mobile` and `--max-per-email` when not given.
    public static let defaultMaxPeoplePerContact = 5

    public init(
        maxPeoplePerMobile: Int = defaultMaxPeoplePerContact, maxPeoplePerEmail: Int = defaultMaxPeoplePerContact
    ) {
        self.maxPeoplePerMobile = maxPeoplePerMobile
        self.maxPeoplePerEmail = maxPeoplePerEmail
    }
}
