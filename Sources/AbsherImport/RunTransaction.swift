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

/// The part of `ImportRun.run` inside the store's transaction: the run ID and report folder are settled
/// once the lock is held (so that two runs that start in the same second never pick the same ID), then a
/// `RunSession` does the work.
struct RunTransaction {
    let options: RunOptions
    let startedAt: Date
    /// The run's report folder, once made; nil when the run ends without a report.
    private(set) var folder: ReportFolder?
    private(set) var outcome: RunOutcome
    /// Whether `changes.csv` was started in the folder (by the session).
    private(set) var changesWritten = false

    init(options: RunOptions, startedAt: Date) {
        self.options = options
        self.startedAt = startedAt
        outcome = ImportRun.makeOutcome(
            options, runID: options.runID ?? ImportRun.makeRunID(startedAt), startedAt: startedAt, scans: [])
    }

    mutating func perform(on engine: any StoreEngine, progress: ProgressHandler?) {
        var session: RunSession?
        do {
            try engine.inRunTransaction { store in
                // A signal that came while the run waited for the lock.
                try RunInterruption.check()
                let runID =
                    try options.runID
                    ?? ImportRun.makeRunID(startedAt, reportsParent: options.reportsParent, store: store)
                outcome.runID = runID
                let reports: ReportFolder
                do {
                    reports = try ReportFolder(
                        parent: options.reportsParent, runID: runID,
                        isCommitted: { (try? store.runExists($0)) ?? false })
                } catch {
                    outcome = ImportRun.reportFolderFailure(options, runID: runID, startedAt: startedAt, error: error)
                    return .rollback
                }
                folder = reports
                let started = try RunSession(
                    options: options, store: store, runID: runID, startedAt: startedAt, folder: reports)
                session = started
                changesWritten = true
                let completion = try started.perform(progress: progress)
                outcome = started.outcome
                return completion
            }
        } catch let error as any StoreError where error.failure == .locked {
            folder?.discard()
            folder = nil
            outcome = ExitMapping.lockedOutcome(options, runID: outcome.runID, startedAt: startedAt)
        } catch {
            // What the session knew when it failed (files read, findings) goes into the report.
            if let session { outcome = session.outcome }
            outcome.status = .failed
            let failure = ExitMapping.failure(for: error)
            outcome.exitStatus = failure.status
            outcome.failure = failure
        }
    }
}
