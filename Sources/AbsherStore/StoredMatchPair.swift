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

extension StoredMatchPair {
    /// What `matches list` shows: the pairs runs reported (`reported`, in ID order), each with its dismissal
    /// if it has one, open ones first, then the dismissed ones, then the pairs dismissed before any run
    /// reported them: the one listing of both engines.
    public static func listing(reported: [StoredMatchPair], dismissed: [DismissedPair]) -> [StoredMatchPair] {
        var byKey: [DismissedPair: DismissedPair] = [:]
        for pair in dismissed where byKey[pair] == nil { byKey[pair] = pair }
        let pairs = reported.map { pair in
            var pair = pair
            pair.dismissal = byKey[DismissedPair(pair.firstID, pair.secondID)]
            return pair
        }
        let seen = Set(pairs.map { DismissedPair($0.firstID, $0.secondID) })
        let dismissedOnly = byKey.values.filter { !seen.contains($0) }.sorted {
            ($0.first, $0.second) < ($1.first, $1.second)
        }.map {
            StoredMatchPair(
                firstID: $0.first, firstKind: "", secondID: $0.second, secondKind: "", score: 0, reasons: "",
                runKey: "", dismissal: $0)
        }
        return pairs.filter { $0.dismissal == nil } + pairs.filter { $0.dismissal != nil } + dismissedOnly
    }
}
