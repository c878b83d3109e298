import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// How a run reads its files and merges them: the two ways differ only here (`RunSession` holds the rest).
protocol RunStrategy {
    /// What `PhaseClock` calls the first pass.
    var scannedPhase: String { get }
    /// The first pass over every file.
    func scan(_ session: RunSession, progress: ProgressHandler?) throws -> [FileScan]
    /// The comparison with the store to start beside the reconciler, if this way makes one early.
    func earlyComparison(_ session: RunSession, scans: [FileScan], claims: [Reconciler.ClaimedIDs?])
        -> EarlyComparison?
    /// Whether the matcher (contract §4b), whose findings only warn, runs on a thread of its own beside the
    /// merge, reading a view of the store's last commit, rather than before it.
    var matchesBesideMerge: Bool { get }
    /// Writes the accepted rows; returns, per kind, how the run's rows stand against the store.
    func merge(
        _ scans: [FileScan], prepared: [StoreComparison.Prepared]?, session: RunSession, merger: Merger
    ) throws -> [RecordKind: StoreComparison]
}
