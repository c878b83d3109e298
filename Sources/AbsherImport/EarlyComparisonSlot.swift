import AbsherReconcile
import AbsherScan
import AbsherSchema

/// Where the run keeps its `EarlyComparison` once the reconciler has started it (`RunSession`), so that both
/// the matcher's side of the store (`RuleStore`) and the merge can have its result: the comparison is waited
/// for once, by whichever asks first.
final class EarlyComparisonSlot {
    /// The kinds of the run's files, in the order of the scans (and of the comparison's results).
    let kinds: [RecordKind]
    var comparison: EarlyComparison?
    private var waited = false
    private var result: [StoreComparison.Prepared]?

    init(kinds: [RecordKind]) { self.kinds = kinds }

    /// The comparison's result, nil when there is none (no early comparison, or it could not be made).
    var prepared: [StoreComparison.Prepared]? {
        if !waited {
            result = comparison?.wait()
            waited = true
        }
        return result
    }

    /// The IDs of the store's active people that no row of tonight's citizens.csv or residents.csv claims
    /// (`StoreComparison.Prepared.unclaimedActive`), nil unless both files were compared with the store.
    var unclaimedPeople: [String]? {
        guard let prepared, let citizens = kinds.firstIndex(of: .citizen),
            let residents = kinds.firstIndex(of: .resident)
        else { return nil }
        return (prepared[citizens].unclaimedActive + prepared[residents].unclaimedActive).map { RowFacts.idText($0) }
    }
}
