import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// Limits of the shared-contact rules.
public struct ReconcileOptions: Sendable {
    public var maxPeoplePerMobile: Int
    public var maxPeoplePerEmail: Int
    /// Whether the matcher of contract §4b runs (off only to measure its cost: `ABSHER_IMPORT_MATCHING=off`).
    public var matchesPeople: Bool

    /// `--max-per-mobile` and `--max-per-email` when not given.
    public static let defaultMaxPeoplePerContact = 5

    public init(
        maxPeoplePerMobile: Int = defaultMaxPeoplePerContact, maxPeoplePerEmail: Int = defaultMaxPeoplePerContact,
        matchesPeople: Bool = true
    ) {
        self.matchesPeople = matchesPeople
        self.maxPeoplePerMobile = maxPeoplePerMobile
        self.maxPeoplePerEmail = maxPeoplePerEmail
    }
}
