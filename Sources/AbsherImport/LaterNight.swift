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
/// the store does not already hold as they are are merged. Those rows were kept in memory by the first pass
/// when they fit its budget (`KeptRecords`: a night changes few records); otherwise their file is read again.
struct LaterNight: RunStrategy {
    /// Per input, set by `scan` (the strategy is a value; what its first pass kept lives here).
    private let kept = Kept()

    private final class Kept {
        var files: [KeptRecords] = []
    }

    var scannedPhase: String { "files read and checked" }

    /// A later night's merge writes about 1% of the rows, one statement at a time on one core: the other core
    /// runs the matcher meanwhile.
    var matchesBesideMerge: Bool { true }

    func scan(_ session: RunSession, progress: ProgressHandler?) throws -> [FileScan] {
        let options = session.options
        if options.keptRecordsBudget == 0 { return ImportRun.scanAll(options, progress: progress) }
        let hashes = try StoredHashes(session.store, kinds: options.inputs.map(\.kind))
        PhaseClock.mark("stored hashes read (\(hashes.count))")
        let budget = options.keptRecordsBudget ?? KeptRecords.budget(storedCount: hashes.count)
        let keeping = options.inputs.map { _ in KeptRecords(hashes: hashes, budget: budget) }
        let scans = ImportRun.scanAll(options, progress: progress, keeping: keeping)
        // The hashes go now, before the reconciler allocates its tables; the kept records stay for the merge.
        hashes.release()
        kept.files = keeping
        return scans
    }

    func earlyComparison(_ session: RunSession, scans: [FileScan], claims: [Reconciler.ClaimedIDs?])
        -> EarlyComparison?
    {
        EarlyComparison(snapshots: session.store.snapshots, scans: scans, claims: claims)
    }

    /// Where the merge takes one file's records from.
    private enum Source {
        case memory([CanonicalRecord])
        case replay(RecordPipe)
    }

    func merge(
        _ scans: [FileScan], prepared: [StoreComparison.Prepared]?, session: RunSession, merger: Merger
    ) throws -> [RecordKind: StoreComparison] {
        var comparisons: [RecordKind: StoreComparison] = [:]
        var sources: [(scan: FileScan, source: Source)] = []
        for (file, scan) in scans.enumerated() {
            let comparison =
                try prepared.map { StoreComparison($0[file], facts: scan.facts) }
                ?? StoreComparison(scan, store: session.store)
            session.log.count(.unchanged, comparison.unchanged)
            comparisons[scan.input.kind] = comparison
            guard !comparison.needsMerge.isEmpty else { continue }
            if file < kept.files.count, let records = kept.files[file].take(comparison.needsMerge) {
                sources.append((scan, .memory(records)))
            } else {
                let pipe = Replay.start(comparison.needsMerge, of: scan, validation: session.options.validation)
                sources.append((scan, .replay(pipe)))
            }
        }
        // What the merge needs is in `sources`; records kept for rows the reconciler rejected go now.
        kept.files = []
        PhaseClock.mark("compared with the store")
        // The files read again are read at once, on threads of their own; the merge takes them in file order.
        do {
            for (scan, source) in sources {
                switch source {
                case .memory(let records):
                    for record in records { try merger.merge(record) }
                case .replay(let pipe):
                    while let batch = try pipe.take() {
                        for record in batch { try merger.merge(record) }
                    }
                }
                PhaseClock.mark("merged \(scan.input.name)")
            }
        } catch {
            for case (_, .replay(let pipe)) in sources { pipe.cancel() }
            throw error
        }
        try session.store.flushStaged()
        PhaseClock.mark("staged rows flushed")
        return comparisons
    }
}
