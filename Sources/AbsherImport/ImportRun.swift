import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Dispatch
import Foundation

/// The whole job: read → validate → reconcile → (merge) → report. Only this type knows every stage.
public enum ImportRun {
    /// `absher-import validate`: every rule that needs no store, and the reports.
    public static func validate(_ options: RunOptions, progress: ProgressHandler? = nil) -> RunOutcome {
        PhaseClock.begin()
        let startedAt = Date()
        let runID =
            options.runID ?? (try? makeRunID(startedAt, reportsParent: options.reportsParent)) ?? makeRunID(startedAt)
        let folder: ReportFolder
        do {
            // No store to ask which runs were committed: the partial folders of dead runs are left to `run`.
            folder = try ReportFolder(parent: options.reportsParent, runID: runID, isCommitted: nil)
        } catch {
            return reportFolderFailure(options, runID: runID, startedAt: startedAt, error: error)
        }
        var scans = scanAll(options, progress: progress)
        PhaseClock.mark("files read and checked")
        if let interrupted = interruption(options, runID: runID, startedAt: startedAt, folder: folder) {
            return interrupted
        }
        // Made once the reconciler is done, or here when a file is unusable: each copies and sorts every finding.
        var outcome: RunOutcome
        if let failure = unusableFailure(scans) {
            outcome = makeOutcome(options, runID: runID, startedAt: startedAt, scans: scans)
            outcome.status = .failed
            outcome.exitStatus = .dataError
            outcome.failure = failure
        } else {
            do {
                try Reconciler.reconcile(&scans, options: options.reconcile, store: nil)
            } catch {
                // Without a store the reconciler asks nothing that can fail.
                preconditionFailure("reconcile without a store threw \(error)")
            }
            outcome = makeOutcome(options, runID: runID, startedAt: startedAt, scans: scans)
            PhaseClock.mark("reconciled")
            if let failure = rejectRateFailure(outcome, limit: options.maxRejectRate) {
                outcome.status = .aborted
                outcome.exitStatus = .aborted
                outcome.failure = failure
            } else {
                outcome.status = .dryRun
                outcome.exitStatus = .success
            }
        }
        outcome.endedAt = Date()
        if let interrupted = interruption(options, runID: runID, startedAt: startedAt, folder: folder) {
            return interrupted
        }
        defer { PhaseClock.mark("reports written") }
        // The names of the pairs' records, for report.html's pair view only, are read again from the files
        // while the CSV reports are written.
        let named: BackgroundTask<[PersonMatch]>? =
            outcome.matches.isEmpty
            ? nil
            : BackgroundTask { [matches = outcome.matches, scans, validation = options.validation] in
                var matches = matches
                MatchRecords.fillNames(&matches, from: scans, validation: validation)
                PhaseClock.mark("names of the pairs read back")
                return matches
            }
        // The task is waited for once, by report.html or, when the reports failed before it, here.
        let unnamed = outcome.matches
        var namedMatches: [PersonMatch]?
        func pairsNamed() -> [PersonMatch] {
            if namedMatches == nil { namedMatches = named.flatMap { try? $0.wait() } ?? unnamed }
            return namedMatches!
        }
        outcome = writeReports(
            outcome, options: options, folder: folder, changesWritten: false,
            namedPairs: named == nil ? nil : pairsNamed)
        if named != nil { outcome.matches = pairsNamed() }
        return outcome
    }

    /// `validate` stopped by SIGTERM or SIGINT before its report is published: no report, exit 143 or 130.
    private static func interruption(_ options: RunOptions, runID: String, startedAt: Date, folder: ReportFolder)
        -> RunOutcome?
    {
        do {
            try RunInterruption.check()
            return nil
        } catch {
            folder.discard()
            var outcome = makeOutcome(options, runID: runID, startedAt: startedAt, scans: [])
            let failure = ExitMapping.failure(for: error)
            outcome.exitStatus = failure.status
            outcome.failure = failure
            outcome.endedAt = Date()
            return outcome
        }
    }

    /// The outcome of a run whose report folder cannot be made: nothing else was done.
    package static func reportFolderFailure(_ options: RunOptions, runID: String, startedAt: Date, error: any Error)
        -> RunOutcome
    {
        var outcome = makeOutcome(options, runID: runID, startedAt: startedAt, scans: [])
        let status = (error as? FileSystemError)?.exitStatus ?? .cannotCreate
        outcome.status = .failed
        outcome.exitStatus = status
        outcome.failure = RunFailure(status, "cannot create the report folder: \(error)")
        outcome.endedAt = Date()
        return outcome
    }

    /// Reads and checks every file, two at a time on two cores; the result is in input order.
    ///
    /// With `staging`, every row that passes the field rules also goes down that pipe, in batches, keyed
    /// by `StagedBatch.key(file:row:)` (a first load stages its records while it reads). With `keeping`
    /// (one per input), each such row is offered to its file's `KeptRecords` (a later night).
    static func scanAll(
        _ options: RunOptions, progress: ProgressHandler?, staging: BatchPipe<StagedBatch>? = nil,
        keeping: [KeptRecords]? = nil
    ) -> [FileScan] {
        let box = ResultBox<FileScan>(count: options.inputs.count)
        DispatchQueue.concurrentPerform(iterations: options.inputs.count) { index in
            var feed: StagingFeed?
            if let staging { feed = StagingFeed(pipe: staging, file: index, kind: options.inputs[index].kind) }
            var onValidRow: ((Int, CanonicalRecord, UInt64) -> Void)?
            if let feed {
                onValidRow = { feed.add(row: $0, record: $1, hash: $2) }
            } else if let kept = keeping?[index] {
                onValidRow = { kept.offer(row: $0, record: $1, hash: $2) }
            }
            let scan = FileScanner.scan(
                options.inputs[index], validation: options.validation, reader: options.reader, progress: progress,
                onValidRow: onValidRow)
            feed?.flush()
            box.set(index, scan)
        }
        // The first pass frees millions of short-lived records; give those pages back to the system
        // (glibc keeps them otherwise) before the reconciler and the merge allocate theirs.
        MemoryRelease.trim()
        return box.values
    }

    package static func makeOutcome(_ options: RunOptions, runID: String, startedAt: Date, scans: [FileScan])
        -> RunOutcome
    {
        let files = scans.map { scan in
            FileSummary(
                input: scan.input, sha256: scan.sha256, encoding: scan.encoding, delimiter: scan.delimiter,
                rows: scan.rowsRead,
                accepted: scan.rowsAccepted, rejected: scan.rowsRejected, warnings: scan.warningCount,
                rejectedRows: scan.facts.indices.filter { scan.facts[$0].disposition == .rejected })
        }
        for file in files {
            // Conservation: no row disappears.
            precondition(file.rows == file.accepted + file.rejected, "rows read != accepted + rejected")
        }
        // Gathered, extended and sorted in one array: at 35M people a copy of the findings or of the pairs is
        // hundreds of megabytes.
        var findings = scans.flatMap(\.findings)
        findings.append(contentsOf: NightlyGuards.missingKindFindings(options))
        findings.sortInReportOrder()
        var outcome = RunOutcome(
            runID: runID, command: options.command, mode: options.mode,
            startedAt: startedAt, endedAt: startedAt, runDate: options.validation.runDate, status: .failed,
            exitStatus: .success, failure: nil, files: files, findings: findings, changes: [], changeCounts: [:],
            history: [], thresholds: options.thresholds,
            store: options.command == .run ? StoreEngines.displayName(options.storePath) : nil)
        var matches = scans.flatMap(\.matches)
        matches.sort { ($0.record.id, $0.other.id) < ($1.record.id, $1.other.id) }
        outcome.matches = matches
        outcome.matchBlocksSkipped = scans.reduce(0) { $0 + $1.matchBlocksSkipped }
        if outcome.matchBlocksSkipped > 0 {
            outcome.notes.append(
                "the matcher left \(outcome.matchBlocksSkipped) of its blocks unpaired (each more than "
                    + "\(PersonMatch.blockLimit) people who share a birth day and the initials of a name, or a mobile): "
                    + "pairs among their people are not reported")
        }
        return outcome
    }

    package static func unusableFailure(_ scans: [FileScan]) -> RunFailure? {
        for scan in scans {
            if let finding = scan.findings.first(where: { $0.rule.makesFileUnusable }) {
                return RunFailure(
                    .dataError, "\(finding.rule.code): \(finding.message)", file: scan.input.path, line: finding.line)
            }
        }
        return nil
    }

    package static func rejectRateFailure(_ outcome: RunOutcome, limit: Double) -> RunFailure? {
        let read = outcome.rowsRead
        guard read > 0 else { return nil }
        let rate = Double(outcome.rowsRejected) / Double(read)
        guard rate > limit else { return nil }
        return RunFailure(
            .aborted,
            "\(outcome.rowsRejected) of \(read) rows rejected (\(percent(rate))), above --max-reject-rate \(percent(limit))."
        )
    }

    package static func percent(_ rate: Double) -> String {
        String(format: "%.2f%%", rate * 100)
    }

    /// Writes the report folder; a failure to write it turns into exit 73 or 74.
    package static func writeReports(
        _ outcome: RunOutcome, options: RunOptions, folder: ReportFolder, changesWritten: Bool,
        namedPairs: (() -> [PersonMatch])? = nil
    )
        -> RunOutcome
    {
        var outcome = outcome
        do {
            try ReportWriter(
                outcome: outcome,
                options: options.reportSettings
            ).write(into: folder, changesWritten: changesWritten, namedPairs: namedPairs)
            outcome.reportPath = folder.finalPath + "/report.html"
            do {
                try ReportIndex(parent: folder.parent, language: options.reportLanguage).write(runID: folder.runID)
            } catch {
                // The run's own report is in place: a stale index is worth a warning, not a failed night.
                outcome.notes.append("cannot rewrite \(folder.parent)/index.html: \(error)")
            }
        } catch let error as FileSystemError {
            outcome.exitStatus = error.exitStatus
            outcome.status = outcome.status == .committed ? .committed : .failed
            outcome.failure = RunFailure(error.exitStatus, "cannot write the reports: \(error)")
        } catch {
            outcome.exitStatus = .ioError
            outcome.failure = RunFailure(.ioError, "cannot write the reports: \(error)")
        }
        return outcome
    }

    /// `20261125T021500Z`, with `-2`, `-3`… when a report folder of that name exists: sortable, safe in a folder name.
    package static func makeRunID(_ date: Date, reportsParent: String, store: (any RunStore)? = nil) throws -> String {
        let base = makeRunID(date)
        var candidate = base
        var suffix = 2
        func taken(_ id: String) throws -> Bool {
            if FileManager.default.fileExists(atPath: (reportsParent as NSString).appendingPathComponent(id)) {
                return true
            }
            return try store?.runExists(id) ?? false
        }
        while try taken(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }

    package static func makeRunID(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour,
            parts.tm_min, parts.tm_sec)
    }
}
