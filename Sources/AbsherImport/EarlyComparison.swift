import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// `StoreComparison.Prepared` for every file, made on a thread of its own over a read-only view of the
/// store: it sees the last committed state, which is what the run's own connection holds until it merges
/// (the run holds the lock, so nobody else commits meanwhile).
struct EarlyComparison {
    private let task: BackgroundTask<[StoreComparison.Prepared]?>

    /// The scans are let go once the comparison is made (before `wait()` returns), so that the reconciler's
    /// verdicts do not copy them.
    init(snapshots: any StoreSnapshotSource, scans: [FileScan], claims: [Reconciler.ClaimedIDs?]) {
        task = BackgroundTask {
            // Any failure (the store cannot be opened a second time, say) gives nil, and the run compares on
            // its own connection after the reconciler.
            guard let snapshot = try? snapshots.open() else { return nil }
            defer { snapshot.close() }
            return try? scans.enumerated().map { file, scan in
                try StoreComparison.Prepared(facts: scan.facts, claimed: claims[file]) { body in
                    try snapshot.forEachStored(scan.input.kind, body)
                }
            }
        }
    }

    /// The comparisons, in the order of the scans; nil when they could not be made.
    func wait() -> [StoreComparison.Prepared]? {
        (try? task.wait()) ?? nil
    }
}
