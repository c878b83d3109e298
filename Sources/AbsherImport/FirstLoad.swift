import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// A first load into an empty store: each file is read once, and the rows that pass the field rules are staged
/// into the store while it is read; the rows the reconciler then rejects, or folds into an earlier identical
/// row, are taken back. The `new` rows of changes.csv are written on the other core while the store builds its
/// indexes.
struct FirstLoad: RunStrategy {
    var scannedPhase: String { "files read, checked and staged" }

    /// The merge's index builds already use both cores, and the matcher's tables would be in memory with them.
    var matchesBesideMerge: Bool { false }

    /// `ImportRun.scanAll` on another thread (two files at a time), while this thread stages every row that
    /// passes the field rules (see `RunStore.stage`).
    func scan(_ session: RunSession, progress: ProgressHandler?) throws -> [FileScan] {
        let store = session.store
        try store.beginFirstLoad()
        let pipe = BatchPipe<StagedBatch>(capacity: 4)
        let options = session.options
        let scanner = BackgroundTask {
            let scans = ImportRun.scanAll(options, progress: progress, staging: pipe)
            pipe.finish()
            return scans
        }
        do {
            while let batch = try pipe.take() {
                for staged in batch { try store.stage(staged, runRowID: session.runRowID) }
            }
        } catch {
            // The scan drops its batches from now on; it ends with its files before the run fails.
            pipe.cancel()
            _ = try? scanner.wait()
            throw error
        }
        return try scanner.wait()
    }

    /// The store was empty: there is nothing to compare with.
    func earlyComparison(_ session: RunSession, scans: [FileScan], claims: [Reconciler.ClaimedIDs?])
        -> EarlyComparison?
    { nil }

    func merge(
        _ scans: [FileScan], prepared: [StoreComparison.Prepared]?, session: RunSession, merger: Merger
    ) throws -> [RecordKind: StoreComparison] {
        // The store was empty (and now holds the rows staged): nothing to ask it.
        var comparisons: [RecordKind: StoreComparison] = [:]
        for (file, scan) in scans.enumerated() {
            try unstageRejected(file: file, of: scan, from: session.store)
            comparisons[scan.input.kind] = StoreComparison(firstLoadOf: scan.facts)
        }
        PhaseClock.mark("rejected rows unstaged")
        // Only the change log is written on the other thread: a `new` record's history in the store is its
        // first run, written with it.
        let log = session.log
        let newRecords = BackgroundTask { [scans, comparisons] in
            for scan in scans {
                for row in comparisons[scan.input.kind]?.needsMerge ?? [] {
                    let id = RowFacts.idText(scan.facts[Int(row)].id)
                    try log.add(Change(recordID: id, kind: scan.input.kind, change: .new), countRecord: true)
                }
            }
        }
        try session.store.flushStaged()
        PhaseClock.mark("staged rows flushed")
        try newRecords.wait()
        PhaseClock.mark("new records logged")
        return comparisons
    }

    /// Rows staged while reading (every row without a field error) that the reconciler rejected, or folded
    /// into an earlier identical row, leave the store.
    private func unstageRejected(file: Int, of scan: FileScan, from store: any RunStore) throws {
        for (row, fact) in scan.facts.enumerated() where !fact.hasFieldError && fact.disposition != .merge {
            try store.unstage(scan.input.kind, key: StagedBatch.key(file: file, row: row))
        }
    }
}
