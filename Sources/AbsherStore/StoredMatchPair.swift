/// A pair of contract §4b as the store keeps it (`match_pairs`): found by a committed run, `first` the
/// record listed first in that run's matches.csv.
public struct StoredMatchPair: Sendable, Equatable {
    public var firstID: String
    public var firstKind: String
    public var secondID: String
    public var secondKind: String
    public var score: Double
    /// `birth_date,name_ar,…`.
    public var reasons: String
    /// The last run that found it (its run id, as in report folder names).
    public var runKey: String
    /// Who dismissed it and when, nil while it is open.
    public var dismissal: DismissedPair?

    public init(
        firstID: String, firstKind: String, secondID: String, secondKind: String, score: Double, reasons: String,
        runKey: String, dismissal: DismissedPair? = nil
    ) {
        self.firstID = firstID
        self.firstKind = firstKind
        self.secondID = secondID
        self.secondKind = secondKind
        self.score = score
        self.reasons = reasons
        self.runKey = runKey
        self.dismissal = dismissal
    }
}
