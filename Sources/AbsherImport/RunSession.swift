import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// One run inside its transaction: the phases every run shares, in order, around the two ways of reading
/// and merging (`FirstLoad` into an empty store, `LaterNight` against a store that holds records).
final class RunSession {
    let options: RunOptions
    let store: any RunStore
    let log: ChangeLog
    let runRowID: Int64
    private(set) var outcome: RunOutcome
    /// Whether the `store.invalid-record` findings are in `outcome`.
    private var storeFindingsAdded = false
    /// Whether the store held no record when the run began. Then every record in it is one of this run's,
    /// which passed the ID rule, so none can be a `store.invalid-record` (contract §5.8) and the store is not
    /// read again to look.
    private let startedEmpty: Bool

    init(options: RunOptions, store: any RunStore, runID: String, startedAt: Date, folder: ReportFolder) throws {
        self.options = options
        self.store = store
        startedEmpty = store.isEmpty
        outcome = ImportRun.makeOutcome(options, runID: runID, startedAt: startedAt, scans: [])
        runRowID = try store.beginRun(
            runID: runID, startedAt: startedAt, runDate: options.validation.runDate.description, mode: options.mode)
        log = try ChangeLog(path: folder.path(for: "changes.csv"), masker: PIIMasker(enabled: options.maskPII))
    }

    /// The strategy for this store: a first load reads each file once, staging the rows that pass the field
    /// rules as they are read; the reconciler's verdicts then take back the ones it rejects.
    private func strategy() -> any RunStrategy {
        options.stagesFirstLoad && startedEmpty ? FirstLoad() : LaterNight()
    }

    func perform(progress: ProgressHandler?) throws -> TransactionCompletion {
        defer { try? log.close() }
        let strategy = strategy()
        var scans = try strategy.scan(self, progress: progress)
        do {
            return try proceed(&scans, strategy: strategy)
        } catch {
            // A run that fails after reading (the store full, its connection lost) reports what it read.
            if outcome.files.isEmpty {
                outcome = ImportRun.makeOutcome(
                    options, runID: outcome.runID, startedAt: outcome.startedAt, scans: scans)
            }
            throw error
        }
    }

    /// The phases after the files are read: the nightly guards, the reconciler, the merge and the commit.
    private func proceed(_ scans: inout [FileScan], strategy: any RunStrategy) throws -> TransactionCompletion {
        if let failure = ImportRun.unusableFailure(scans) {
            return abandon(scans, status: .failed, failure: failure)
        }
        try NightlyGuards.markRepeatedFiles(&scans, store: store)
        try RunInterruption.check()
        PhaseClock.mark(strategy.scannedPhase)
        // While the reconciler works, the other core may set the files against the store as it was committed,
        // from the rows the reconciler found claiming their IDs. (It reads the rows' facts as the scan left
        // them; the reconciler writes its verdicts once it is done.)
        let early = EarlyComparisonSlot(kinds: scans.map(\.input.kind))
        var prepared: [StoreComparison.Prepared]?
        let snapshots = store.snapshots
        let ruleStore = RuleStore(store: store, early: early, knowsUnchangedRows: options.asksUsernamesByKey)
        let opensMatcherView = options.opensMatcherView
        var beside = try Reconciler.reconcile(
            &scans, options: options.reconcile, store: ruleStore,
            onClaims: { scans, claims in
                early.comparison = strategy.earlyComparison(self, scans: scans, claims: claims)
            },
            beforeVerdicts: { prepared = early.prepared },
            storeBeside: strategy.matchesBesideMerge && options.matchesBesideMerge
                ? {
                    let unclaimed = early.unclaimedPeople
                    return {
                        guard opensMatcherView else { throw MatcherViewRefused() }
                        let snapshot = try snapshots.open()
                        return StoreLease(
                            knowledge: RuleStore(store: snapshot.knowledge, unclaimedPeople: unclaimed),
                            close: snapshot.close)
                    }
                } : nil)
        // The matcher's findings and pairs, when it ran beside the merge: into the scans and the outcome.
        func settleBeside() throws {
            guard let running = beside else { return }
            beside = nil
            try running.finish(into: &scans, fallback: ruleStore)
            // The findings made before go first: the new outcome copies and sorts all of them again.
            outcome.findings = []
            outcome.matches = []
            outcome = ImportRun.makeOutcome(options, runID: outcome.runID, startedAt: outcome.startedAt, scans: scans)
        }
        outcome = ImportRun.makeOutcome(options, runID: outcome.runID, startedAt: outcome.startedAt, scans: scans)
        try RunInterruption.check()
        if let failure = ImportRun.rejectRateFailure(outcome, limit: options.maxRejectRate) {
            try settleBeside()
            return abandon(scans, status: .aborted, failure: failure)
        }
        PhaseClock.mark("reconciled")
        let merger = Merger(store: store, runRowID: runRowID, log: log)
        let comparisons: [RecordKind: StoreComparison]
        do {
            try store.beginStaging()
            comparisons = try strategy.merge(scans, prepared: prepared, session: self, merger: merger)
        } catch {
            // What the matcher found still goes into the report of the failed run.
            try? settleBeside()
            throw error
        }
        try settleBeside()
        // After the comparison, whose pass over each kind found them (no second scan of the tables).
        try addStoreFindings(kinds: scans.map(\.input.kind))
        try RunInterruption.check()
        if options.mode == .snapshot {
            if let failure = try deactivateAbsent(scans, comparisons: comparisons, merger: merger) {
                return abandon(scans, status: .aborted, failure: failure)
            }
            try store.flushStaged()
        }
        return try finish()
    }

    /// Records the run in the store; a dry run rolls it all back.
    private func finish() throws -> TransactionCompletion {
        RunInterruption.pause(at: "before-commit")
        try RunInterruption.check()
        try log.close()
        outcome.changeCounts = log.counts
        outcome.changes = log.kept
        outcome.status = options.dryRun ? .dryRun : .committed
        outcome.exitStatus = .success
        outcome.endedAt = Date()
        try MatchRecords.fillNames(&outcome.matches, from: store)
        try store.recordMatches(outcome.matches.map(MatchRecords.stored), runRowID: runRowID)
        try store.finishRun(outcome.runRecord, runRowID: runRowID)
        outcome.history = try store.history(limit: 30, excluding: runRowID)
        // From here on a SIGTERM or SIGINT waits: the commit and then the report are finished first.
        if !options.dryRun { try RunInterruption.beginCommit() }
        return options.dryRun ? .rollback : .commit
    }

    /// Rolls the run back and keeps what the reports need.
    private func abandon(_ scans: [FileScan], status: RunStatus, failure: RunFailure) -> TransactionCompletion {
        if outcome.files.isEmpty {
            outcome = ImportRun.makeOutcome(options, runID: outcome.runID, startedAt: outcome.startedAt, scans: scans)
        }
        if !storeFindingsAdded { try? addStoreFindings(kinds: scans.map(\.input.kind)) }
        outcome.changeCounts = log.counts
        outcome.changes = log.kept
        outcome.status = status
        outcome.exitStatus = failure.status
        outcome.failure = failure
        outcome.history = (try? store.history(limit: 30, excluding: runRowID)) ?? []
        return .rollback
    }

    /// Adds the `store.invalid-record` findings of `kinds` to the outcome (contract §5.8).
    private func addStoreFindings(kinds: [RecordKind]) throws {
        guard !startedEmpty else {
            storeFindingsAdded = true
            return
        }
        let findings = try StoreFindings.invalidRecords(in: store, kinds: kinds)
        storeFindingsAdded = true
        guard !findings.isEmpty else { return }
        outcome.findings += findings
        outcome.findings.sortInReportOrder()
    }

    /// Snapshot mode, per kind whose file was given: records not present become inactive, except sponsors
    /// whose residents are still active. Returns the circuit breaker's failure when too many would go.
    private func deactivateAbsent(
        _ scans: [FileScan], comparisons: [RecordKind: StoreComparison], merger: Merger
    ) throws -> RunFailure? {
        let byKind = Dictionary(uniqueKeysWithValues: scans.map { ($0.input.kind, $0) })
        for kind in [RecordKind.citizen, .resident, .sponsor] {
            guard let scan = byKind[kind], let comparison = comparisons[kind] else { continue }
            // Which sponsors residents still name matters only when some sponsor is absent.
            let kept = kind == .sponsor && !comparison.absentActive.isEmpty ? try store.sponsorsOfActiveResidents() : []
            let deactivated = try merger.deactivate(comparison.absentActive, kind: kind, kept: kept)
            let before = comparison.activeBefore
            if before > 0 {
                let rate = Double(deactivated) / Double(before)
                if rate > options.maxDeactivateRate {
                    return RunFailure(
                        .aborted,
                        "\(deactivated) of \(before) active \(kind.rawValue) records would be deactivated (\(ImportRun.percent(rate))), above --max-deactivate-rate \(ImportRun.percent(options.maxDeactivateRate)).",
                        file: scan.input.path)
                }
            }
        }
        return nil
    }
}

/// What the matcher's view of the store throws when `RunOptions.opensMatcherView` is off (tests only).
private struct MatcherViewRefused: Error {}
