import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

extension ImportRun {
    /// `absher-import run`: validate, reconcile against the store, merge in one transaction, report.
    ///
    /// The run lock is taken first (for SQLite, `BEGIN IMMEDIATE`, waiting up to `--lock-timeout`) and held
    /// to the end, so what the reconciler reads of the store is what the merge writes over. Any failure,
    /// a circuit breaker, or `--dry-run` rolls the whole run back.
    public static func run(_ options: RunOptions, progress: ProgressHandler? = nil) -> RunOutcome {
        PhaseClock.begin()
        let startedAt = Date()
        let engine: any StoreEngine
        do {
            engine = try StoreEngines.open(
                options.storePath, lockTimeoutSeconds: options.lockTimeoutSeconds,
                buildsAside: options.buildsFirstLoadAside)
        } catch {
            return ExitMapping.storeOpenFailure(
                options, runID: options.runID ?? makeRunID(startedAt), startedAt: startedAt, error: error)
        }
        defer {
            engine.close()
            PhaseClock.mark("store closed")
        }
        var transaction = RunTransaction(options: options, startedAt: startedAt)
        transaction.perform(on: engine, progress: progress)
        guard let folder = transaction.folder else { return transaction.outcome }
        if transaction.outcome.exitStatus.isInterruption {
            // Stopped by a signal before the commit: rolled back; the partial report folder goes too.
            folder.discard()
            return transaction.outcome
        }
        PhaseClock.mark("transaction ended")
        RunInterruption.pause(at: "after-commit")
        // The commit is durable in the store's log; it reaches the store proper on the other core meanwhile.
        let checkpointer = engine.checkpointer
        let checkpoint = transaction.outcome.status == .committed ? BackgroundTask { checkpointer.checkpoint() } : nil
        defer {
            try? checkpoint?.wait()
            PhaseClock.mark("checkpoint done")
        }
        defer { PhaseClock.mark("reports written") }
        var outcome = transaction.outcome
        outcome.endedAt = Date()
        return writeReports(outcome, options: options, folder: folder, changesWritten: transaction.changesWritten)
    }
}
