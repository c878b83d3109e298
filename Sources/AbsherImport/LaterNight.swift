import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// A night against a store that holds records: the files are read and checked, then set against the store
/// (on the other core, beside the reconciler, over a read-only view of the last commit), and only the rows
/// the store does not already hold as they are are read again and merged.
struct LaterNight: RunStrategy {
    var scannedPhase: String { "files read and checked" }

    func scan(_ session: RunSession, progress: ProgressHandler?) throws -> [FileScan] {
        ImportRun.scanAll(session.options, progress: progress)
    }

    func earlyComparison(_ session: RunSession, scans: [FileScan], claims: [Reconciler.ClaimedIDs?])
        -> EarlyComparison?
    {
        EarlyComparison(snapshots: session.store.snapshots, scans: scans, claims: claims)
    }

    func merge(
        _ scans: [FileScan], prepared: [StoreComparison.Prepared]?, session: RunSession, merger: Merger
    ) throws -> [RecordKind: StoreComparison] {
        var comparisons: [RecordKind: StoreComparison] = [:]
        var replays: [(scan: FileScan, pipe: RecordPipe)] = []
        for (file, scan) in scans.enumerated() {
            let comparison =
                try prepared.map { StoreComparison($0[file], facts: scan.facts) }
                ?? StoreComparison(scan, store: session.store)
            session.log.count(.unchanged, comparison.unchanged)
            comparisons[scan.input.kind] = comparison
            if !comparison.needsMerge.isEmpty {
                replays.append(
                    (scan, Replay.start(comparison.needsMerge, of: scan, validation: session.options.validation)))
            }
        }
        PhaseClock.mark("compared with the store")
        // Every file is read again at once, on threads of their own; the merge takes them in file order.
        do {
            for replay in replays {
                while let batch = try replay.pipe.take() {
                    for record in batch { try merger.merge(record) }
                }
                PhaseClock.mark("merged \(replay.scan.input.name)")
            }
        } catch {
            for replay in replays { replay.pipe.cancel() }
            throw error
        }
        try session.store.flushStaged()
        PhaseClock.mark("staged rows flushed")
        return comparisons
    }
}
