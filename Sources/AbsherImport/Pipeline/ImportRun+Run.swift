import Foundation

extension ImportRun {
    /// `absher-import run`: validate, reconcile against the store, merge in one transaction, report.
    ///
    /// The store's write lock is taken first (`BEGIN IMMEDIATE`, waiting up to `--lock-timeout`) and held
    /// to the end, so what the reconciler reads of the store is what the merge writes over. Any failure,
    /// a circuit breaker, or `--dry-run` rolls the whole run back.
    public static func run(_ options: RunOptions, progress: ProgressHandler? = nil) -> RunOutcome {
        PhaseClock.begin()
        let startedAt = Date()
        let database: Database
        do {
            database = try Database(
                path: options.storePath, busyTimeoutMilliseconds: Int32(min(options.lockTimeoutSeconds * 1000, 2e9)))
            try Migrations.migrate(database)
            // A larger page cache keeps the B-trees' upper levels in memory during the merge of millions
            // of rows (measured in BENCHMARKS.md); it is memory, not durability.
            try database.execute("PRAGMA cache_size = -\(RunSession.pageCacheKiB)")
            // Sorting for the key-ordered insert and the index builds of a bulk load may use the second core.
            try database.execute("PRAGMA threads = 2")
            // The WAL is copied into the store file once, after the commit, while the reports are written
            // (below), not by the commit itself.
            try database.execute("PRAGMA wal_autocheckpoint = 0")
        } catch {
            return storeFailure(
                options, runID: options.runID ?? makeRunID(startedAt), startedAt: startedAt, error: error)
        }
        defer {
            database.close()
            PhaseClock.mark("store closed")
        }

        // The run ID and the report folder are settled once the lock is held, so that two runs that
        // start in the same second never pick the same ID.
        var folder: ReportFolder?
        var outcome = makeOutcome(
            options, runID: options.runID ?? makeRunID(startedAt), startedAt: startedAt, scans: [])
        var changesWritten = false
        var session: RunSession?
        do {
            try database.inTransaction(.immediate) {
                let runID =
                    try options.runID ?? makeRunID(startedAt, reportsParent: options.reportsParent, store: database)
                outcome.runID = runID
                let reports: ReportFolder
                do {
                    reports = try ReportFolder(parent: options.reportsParent, runID: runID)
                } catch {
                    outcome = reportFolderFailure(options, runID: runID, startedAt: startedAt, error: error)
                    return .rollback
                }
                folder = reports
                let started = try RunSession(
                    options: options, database: database, runID: runID, startedAt: startedAt, folder: reports)
                session = started
                changesWritten = true
                let completion = try started.perform(progress: progress)
                outcome = started.outcome
                return completion
            }
        } catch let error as DatabaseError where error.isBusy {
            folder?.discard()
            return lockedOutcome(options, runID: outcome.runID, startedAt: startedAt)
        } catch {
            // What the session knew when it failed (files read, findings) goes into the report.
            if let session { outcome = session.outcome }
            outcome.status = .failed
            let failure = failure(for: error)
            outcome.exitStatus = failure.status
            outcome.failure = failure
        }
        guard let folder else { return outcome }
        PhaseClock.mark("transaction ended")
        // The commit is durable in the WAL; its pages reach the store file on the other core meanwhile.
        // (A checkpoint that fails or is cut short loses nothing: the WAL stays, and the next open replays it.)
        let checkpoint =
            outcome.status == .committed
            ? BackgroundTask { _ = try? database.execute("PRAGMA wal_checkpoint(TRUNCATE)") } : nil
        defer {
            try? checkpoint?.wait()
            PhaseClock.mark("checkpoint done")
        }
        defer { PhaseClock.mark("reports written") }
        outcome.endedAt = Date()
        return writeReports(outcome, options: options, folder: folder, changesWritten: changesWritten)
    }

    static func lockedOutcome(_ options: RunOptions, runID: String, startedAt: Date) -> RunOutcome {
        var outcome = makeOutcome(options, runID: runID, startedAt: startedAt, scans: [])
        outcome.status = .failed
        outcome.exitStatus = .locked
        outcome.failure = RunFailure(
            .locked,
            "the store is locked by another run (waited \(options.lockTimeoutSeconds) s); nothing was touched",
            file: options.storePath)
        outcome.endedAt = Date()
        return outcome
    }

    /// The store cannot be opened, created or migrated: nothing else is done and no report is written.
    static func storeFailure(_ options: RunOptions, runID: String, startedAt: Date, error: any Error) -> RunOutcome {
        if let error = error as? DatabaseError, error.isBusy {
            return lockedOutcome(options, runID: runID, startedAt: startedAt)
        }
        var outcome = makeOutcome(options, runID: runID, startedAt: startedAt, scans: [])
        outcome.status = .failed
        var failure = failure(for: error)
        if let error = error as? DatabaseError, error.isNotADatabase || !error.isDiskFull {
            failure = RunFailure(.cannotCreate, "cannot open the store: \(error.message)", file: options.storePath)
        }
        outcome.exitStatus = failure.status
        outcome.failure = failure
        outcome.endedAt = Date()
        return outcome
    }

    /// The one place where an error of a stage becomes an exit code.
    static func failure(for error: any Error) -> RunFailure {
        switch error {
        case let error as RunFailure:
            return error
        case let error as FileSystemError:
            return RunFailure(error.exitStatus, "\(error)")
        case let error as DatabaseError:
            if error.isBusy { return RunFailure(.locked, "the store is locked by another run") }
            return RunFailure(.ioError, "the store cannot be written: \(error)")
        case let error as CSVReadError:
            if case .unreadable(let path, let reason) = error {
                return RunFailure(.dataError, "\(RuleCode.fileUnreadable.code): \(reason)", file: path)
            }
            return RunFailure(.dataError, "\(error)")
        case let error as ReplayError:
            return RunFailure(.dataError, error.description)
        default:
            return RunFailure(.ioError, "\(error)")
        }
    }
}

/// One run inside its transaction: the steps of `ImportRun.run` that touch the store.
final class RunSession {
    /// SQLite's page cache during a run, in KiB.
    static let pageCacheKiB = 8_192
    let options: RunOptions
    let database: Database
    let store: RecordStore
    let log: ChangeLog
    let runRowID: Int64
    var outcome: RunOutcome

    init(options: RunOptions, database: Database, runID: String, startedAt: Date, folder: ReportFolder) throws {
        self.options = options
        self.database = database
        store = RecordStore(database: database)
        outcome = ImportRun.makeOutcome(options, runID: runID, startedAt: startedAt, scans: [])
        let insert = try database.prepare(
            "INSERT INTO runs (run_key, started_at, run_date, mode, status) VALUES (?, ?, ?, ?, 'failed')")
        insert.bind(runID, at: 1)
        insert.bind(RunLog.timestamp(startedAt), at: 2)
        insert.bind(options.validation.runDate.description, at: 3)
        insert.bind(options.mode.rawValue, at: 4)
        try insert.run()
        runRowID = database.lastInsertedRowID
        log = try ChangeLog(path: folder.path(for: "changes.csv"), masker: PIIMasker(enabled: options.maskPII))
    }

    func perform(progress: ProgressHandler?) throws -> TransactionCompletion {
        defer { try? log.close() }
        // A first load reads each file once: the rows that pass the field rules are staged as they are
        // read, and the reconciler's verdicts then take back the ones it rejects.
        let stagedWhileScanning = options.stagesFirstLoad && store.isEmpty
        var scans =
            stagedWhileScanning ? try scanAndStage(progress: progress) : ImportRun.scanAll(options, progress: progress)
        if let failure = ImportRun.unusableFailure(scans) {
            return abandon(scans, status: .failed, failure: failure)
        }
        try NightlyGuards.markRepeatedFiles(&scans, database: database)
        PhaseClock.mark(stagedWhileScanning ? "files read, checked and staged" : "files read and checked")
        // While the reconciler works, the other core sets the files against the store as it was committed,
        // from the rows the reconciler found claiming their IDs. (It reads the rows' facts as the scan left
        // them; the reconciler writes its verdicts once it is done.)
        var early: EarlyComparison?
        var prepared: [StoreComparison.Prepared]?
        try Reconciler.reconcile(
            &scans, options: options.reconcile, store: store,
            onClaims: { scans, claims in
                if !stagedWhileScanning {
                    early = EarlyComparison(storePath: options.storePath, scans: scans, claims: claims)
                }
            },
            beforeVerdicts: { prepared = early?.wait() })
        outcome = ImportRun.makeOutcome(options, runID: outcome.runID, startedAt: outcome.startedAt, scans: scans)
        if let failure = ImportRun.rejectRateFailure(outcome, limit: options.maxRejectRate) {
            return abandon(scans, status: .aborted, failure: failure)
        }

        PhaseClock.mark("reconciled")
        let merger = Merger(store: store, runRowID: runRowID, log: log)
        try store.beginStaging()
        var comparisons: [RecordKind: StoreComparison] = [:]
        if stagedWhileScanning {
            // The store was empty (and its `people` now holds the rows staged): nothing to ask it. The
            // `new` rows of changes.csv are written on the other core while SQLite builds the indexes.
            for (file, scan) in scans.enumerated() {
                try unstageRejected(file: file, of: scan)
                comparisons[scan.input.kind] = StoreComparison(firstLoadOf: scan.facts)
            }
            PhaseClock.mark("rejected rows unstaged")
            // The change log is this task's until `wait()` returns; it never touches the store.
            let newRecords = BackgroundTask { [scans, comparisons] in
                for scan in scans {
                    for row in comparisons[scan.input.kind]?.needsMerge ?? [] {
                        try merger.noteStagedNew(id: RowFacts.idText(scan.facts[Int(row)].id), kind: scan.input.kind)
                    }
                }
            }
            try store.flushStaged()
            PhaseClock.mark("staged rows flushed")
            try newRecords.wait()
            PhaseClock.mark("new records logged")
        } else {
            var replays: [(scan: FileScan, pipe: RecordPipe)] = []
            for (file, scan) in scans.enumerated() {
                let comparison =
                    try prepared.map { StoreComparison($0[file], facts: scan.facts) }
                    ?? StoreComparison(scan, store: store)
                log.count(.unchanged, comparison.unchanged)
                comparisons[scan.input.kind] = comparison
                if !comparison.needsMerge.isEmpty { replays.append((scan, replay(comparison.needsMerge, of: scan))) }
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
            try store.flushStaged()
            PhaseClock.mark("staged rows flushed")
        }
        if options.mode == .snapshot {
            if let failure = try deactivateAbsent(scans, comparisons: comparisons, merger: merger) {
                return abandon(scans, status: .aborted, failure: failure)
            }
            try store.flushStaged()
        }
        try log.close()
        outcome.changeCounts = log.counts
        outcome.changes = log.kept
        outcome.status = options.dryRun ? .dryRun : .committed
        outcome.exitStatus = .success
        outcome.endedAt = Date()
        try RunLog(database: database, runRowID: runRowID).record(outcome)
        outcome.history = try RunLog.history(database, limit: 30, excluding: runRowID)
        return options.dryRun ? .rollback : .commit
    }

    /// The first pass of a first load: `ImportRun.scanAll` on another thread (two files at a time), while
    /// this thread stages every row that passes the field rules (see `RecordStore.stage`).
    private func scanAndStage(progress: ProgressHandler?) throws -> [FileScan] {
        try store.beginFirstLoad()
        let pipe = BatchPipe<StagedBatch>(capacity: 4)
        let options = options
        var scans: [FileScan] = []
        let scanner = BackgroundTask {
            scans = ImportRun.scanAll(options, progress: progress, staging: pipe)
            pipe.finish()
        }
        do {
            while let batch = try pipe.take() {
                for staged in batch { try store.stage(staged, runRowID: runRowID) }
            }
        } catch {
            // The scan drops its batches from now on; it ends with its files before the run fails.
            pipe.cancel()
            try? scanner.wait()
            throw error
        }
        try scanner.wait()
        return scans
    }

    /// After a first pass that staged its rows (every row without a field error): those the reconciler
    /// rejected, or folded into an earlier identical row, leave the store.
    private func unstageRejected(file: Int, of scan: FileScan) throws {
        for (row, fact) in scan.facts.enumerated() where !fact.hasFieldError && fact.disposition != .merge {
            try store.unstage(scan.input.kind, key: StagedBatch.key(file: file, row: row))
        }
    }

    /// Rolls the run back and keeps what the reports need.
    private func abandon(_ scans: [FileScan], status: RunStatus, failure: RunFailure) -> TransactionCompletion {
        if outcome.files.isEmpty {
            outcome = ImportRun.makeOutcome(options, runID: outcome.runID, startedAt: outcome.startedAt, scans: scans)
        }
        outcome.changeCounts = log.counts
        outcome.changes = log.kept
        outcome.status = status
        outcome.exitStatus = failure.status
        outcome.failure = failure
        outcome.history = (try? RunLog.history(database, limit: 30, excluding: runRowID)) ?? []
        return .rollback
    }

    /// The second pass: reads the file again and merges the rows in `rows` (ascending indexes), the ones
    /// the store does not already hold as they are.
    /// The second pass of one file: a thread reads it again and validates the rows in `rows` (ascending
    /// indexes), the ones the store does not already hold as they are, into the pipe it returns, a few
    /// batches ahead of the merge (SQLite, the run's thread).
    private func replay(_ rows: [Int32], of scan: FileScan) -> RecordPipe {
        let pipe = RecordPipe()
        let validation = options.validation
        let producer = Thread {
            var validator: RowValidator?
            var next = 0
            var batch: [CanonicalRecord] = []
            batch.reserveCapacity(4096)
            do {
                try FileScanner.replay(scan) { index, record, header in
                    if index & 0xFFFF == 0 && pipe.isCancelled { throw CancellationError() }
                    guard next < rows.count, rows[next] == index else { return }
                    next += 1
                    if validator == nil {
                        validator = RowValidator(header: header, fileName: scan.input.name, options: validation)
                    }
                    guard let canonical = validator!.validate(record).record else {
                        throw ReplayError.changed(scan.input.path)
                    }
                    batch.append(canonical)
                    if batch.count == 4096 {
                        guard pipe.put(batch) else { throw CancellationError() }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                guard next == rows.count else { throw ReplayError.changed(scan.input.path) }
                if !batch.isEmpty { _ = pipe.put(batch) }
                pipe.finish()
            } catch {
                pipe.finish(error)
            }
        }
        producer.stackSize = 1 << 20
        producer.start()
        return pipe
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

/// `StoreComparison.Prepared` for every file, made on a thread of its own over a second, read-only
/// connection to the store: it sees the last committed state, which is what the run's own connection
/// holds until it merges (it holds the write lock, so nobody else commits meanwhile).
private final class EarlyComparison: @unchecked Sendable {
    private var prepared: [StoreComparison.Prepared]?
    private var task: BackgroundTask?

    /// The scans are let go once the comparison is made (before `wait()` returns), so that the reconciler's
    /// verdicts do not copy them.
    init(storePath: String, scans: [FileScan], claims: [Reconciler.ClaimedIDs?]) {
        task = BackgroundTask { [unowned self] in
            // Any failure (the store cannot be opened a second time, say) leaves `prepared` nil, and the
            // run compares on its own connection after the reconciler, as before.
            guard let database = try? Database(path: storePath, readOnly: true) else { return }
            defer { database.close() }
            let store = RecordStore(database: database)
            self.prepared = try? scans.enumerated().map { file, scan in
                try StoreComparison.Prepared(facts: scan.facts, claimed: claims[file]) { body in
                    try store.forEachStored(scan.input.kind, body)
                }
            }
        }
    }

    /// The comparisons, in the order of the scans; nil when they could not be made.
    func wait() -> [StoreComparison.Prepared]? {
        try? task?.wait()
        return prepared
    }
}
