import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// Limits of the shared-contact rules.
public struct ReconcileOptions: Sendable {
    public var maxPeoplePerMobile: Int
    public var maxPeoplePerEmail: Int

    public init(maxPeoplePerMobile: Int = 5, maxPeoplePerEmail: Int = 5) {
        self.maxPeoplePerMobile = maxPeoplePerMobile
        self.maxPeoplePerEmail = maxPeoplePerEmail
    }
}
