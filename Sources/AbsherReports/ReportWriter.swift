import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// Writes a run's report folder (contract §6.1): complete or not at all.
package struct ReportWriter {
    package let outcome: RunOutcome
    package let options: ReportSettings

    package init(outcome: RunOutcome, options: ReportSettings) {
        self.outcome = outcome
        self.options = options
    }

    /// Writes every file into `folder` (where `changes.csv` may already be, written during the merge)
    /// and publishes it; on failure the folder is discarded.
    ///
    /// `namedPairs`, when given, gives the outcome's pairs with the names of their records for the pair view of
    /// report.html (`validate` reads them again from the files meanwhile, on another thread): asked for once
    /// the CSV files are written, before report.html. matches.csv and summary.json carry no names.
    package func write(
        into folder: ReportFolder, changesWritten: Bool, namedPairs: (() -> [PersonMatch])? = nil
    ) throws {
        do {
            // Each CSV file and rejected/ copy on a thread of its own as the cores come free, the longest first
            // (the copies read every input file again), while this thread renders report.html (which may wait
            // for the pairs' names, read back meanwhile).
            let copies = outcome.files.filter { !$0.rejectedRows.isEmpty }
            if !copies.isEmpty { try folder.makeSubfolder("rejected") }
            let copyPaths = copies.map { folder.path(for: "rejected/\($0.input.rejectedCopyName)") }
            let rejectsPath = folder.path(for: "rejects.csv")
            let matchesPath = folder.path(for: "matches.csv")
            let changesPath = outcome.command == .run && !changesWritten ? folder.path(for: "changes.csv") : nil
            let summaryPath = folder.path(for: "summary.json")
            let summaryReportPath = folder.finalPath + "/report.html"
            var files: [@Sendable () throws -> Void] = [{ try writeRejects(to: rejectsPath) }]
            if let changesPath { files.append { try writeChanges(to: changesPath) } }
            for (copy, path) in zip(copies, copyPaths) { files.append { try writeRejectedCopy(of: copy, to: path) } }
            files.append { try writeMatches(to: matchesPath) }
            files.append {
                let file = try OutputFile(path: summaryPath)
                try file.write(summaryJSON(reportPath: summaryReportPath).serialized() + "\n")
                try file.close()
            }
            let tasks = files
            let written = BackgroundTask { () -> (any Error)? in
                let failures = ResultBox<(any Error)?>(count: tasks.count)
                DispatchQueue.concurrentPerform(iterations: tasks.count) { task in
                    do {
                        try tasks[task]()
                        failures.set(task, nil)
                    } catch {
                        failures.set(task, error)
                    }
                }
                return failures.values.lazy.compactMap { $0 }.first
            }
            // The files' writers are waited for whatever this does, before the folder is published or discarded.
            let htmlFailure: (any Error)?
            do {
                var shown = outcome
                if let namedPairs { shown.matches = namedPairs() }
                let html = try OutputFile(path: folder.path(for: "report.html"))
                try html.write(
                    HTMLReport(outcome: shown, maskPII: options.maskPII, language: options.language).render())
                try html.close()
                htmlFailure = nil
            } catch {
                htmlFailure = error
            }
            if let failure = try written.wait() { throw failure }
            if let htmlFailure { throw htmlFailure }
            try folder.publish()
        } catch {
            folder.discard()
            throw error
        }
    }

    private func writeRejects(to path: String) throws {
        let csv = try CSVWriter(path: path)
        try csv.writeRow(["file", "line", "record_id", "field", "rule", "severity", "message", "value"])
        for finding in outcome.findings {
            try csv.writeRow([
                finding.file, finding.line.map(String.init) ?? "", maskID(finding.recordID), finding.field,
                finding.rule.code, finding.severity.rawValue, finding.message.render(options.language, messageStyle),
                maskValue(finding.value, field: finding.field),
            ])
        }
        try csv.close()
    }

    /// `matches.csv` (contract §4b): one row per pair, this run's record first.
    private func writeMatches(to path: String) throws {
        let csv = try CSVWriter(path: path)
        try csv.writeRow(["record_id", "kind", "other_id", "other_kind", "score", "reasons"])
        for match in outcome.matches {
            try csv.writeRow([
                maskID(match.record.id), match.record.kind.rawValue, maskID(match.other.id), match.other.kind.rawValue,
                match.scoreText, match.reasons.joined(separator: ","),
            ])
        }
        try csv.close()
    }

    /// `changes.csv` of a run that failed before its merge wrote one (the same rows as `ChangeLog` writes).
    private func writeChanges(to path: String) throws {
        let log = try ChangeLog(path: path, masker: masker, keepLimit: 0)
        for change in outcome.changes { try log.add(change) }
        try log.close()
    }

    /// `rejected/<input file name>`: the header and the rejected records exactly as read (in UTF-8),
    /// in file order; a password column is left out of both. Under `--mask-pii` the ID, mobile and e-mail
    /// cells are masked like every other report (the copy can then not be fed back as it is).
    private func writeRejectedCopy(of file: FileSummary, to path: String) throws {
        let csv = try CSVWriter(path: path)
        var wanted = file.rejectedRows[...]
        var reader = try CSVReader(
            path: file.input.path, delimiter: file.delimiter ?? options.reader.delimiter,
            encoding: file.encoding ?? options.reader.encoding, hashing: false)
        guard let headerRecord = try reader.next() else { return }
        let header = HeaderMap(kind: file.input.kind, headerRecord: headerRecord, fileName: file.input.name)
        let sensitive = header.sensitivePositions
        let delimiter = reader.delimiter
        var masks: [Int: String] = [:]
        if options.maskPII {
            for column in [file.input.kind.idColumn, .sponsorID, .mobile, .email] {
                if let position = header.position(of: column) { masks[position] = column.rawValue }
            }
        }
        func copy(_ record: CSVRecord, isHeader: Bool = false) throws {
            if sensitive.isEmpty && (masks.isEmpty || isHeader) {
                try csv.writeRaw(record.raw)
            } else {
                try csv.writeRaw(
                    Self.reencode(
                        record, dropping: sensitive, delimiter: delimiter,
                        masking: isHeader ? [:] : masks, masker: masker))
            }
        }
        try copy(headerRecord, isHeader: true)
        var index = 0
        while let next = wanted.first {
            // Only the records copied are built (with their raw text); the others are read past.
            if index == next {
                guard let record = try reader.next() else { break }
                try copy(record)
                wanted.removeFirst()
            } else {
                guard try reader.skipRecord() else { break }
            }
            index += 1
        }
        try csv.close()
    }

    /// A record written back as CSV without some of its cells (quoted only where needed, no formula guard:
    /// this is a copy of the input to be corrected and fed back).
    package static func reencode(
        _ record: CSVRecord, dropping positions: Set<Int>, delimiter: UInt8, masking: [Int: String] = [:],
        masker: PIIMasker = PIIMasker(enabled: false)
    ) -> [UInt8] {
        var out: [UInt8] = []
        var first = true
        for index in 0..<record.fieldCount where !positions.contains(index) {
            if !first { out.append(delimiter) }
            first = false
            var field = record.field(index)
            if let column = masking[index] {
                field = ArraySlice(masker.value(record.string(index), field: column).utf8)
            }
            let needsQuotes = field.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if needsQuotes {
                out.append(0x22)
                for byte in field {
                    if byte == 0x22 { out.append(0x22) }
                    out.append(byte)
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: field)
            }
        }
        return out
    }

    /// The object of `summary.json`; `reportPath` is where this run's `report.html` is (nil: it wrote none).
    package func summaryJSON(reportPath: String?) -> JSONValue {
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var object: [(String, JSONValue)] = [
            ("run_id", .string(outcome.runID)),
            ("command", .string(outcome.command.rawValue)),
            ("mode", .string(outcome.mode.rawValue)),
            ("run_date", .string(outcome.runDate.description)),
            ("started_at", .string(iso.string(from: outcome.startedAt))),
            ("ended_at", .string(iso.string(from: outcome.endedAt))),
            ("status", .string(outcome.status.rawValue)),
            ("exit_code", .int(Int(outcome.exitStatus.rawValue))),
        ]
        if let failure = outcome.failure { object.append(("failure", .string(maskText(failure.description)))) }
        object.append(("version", .string(ToolVersion.current)))
        object.append(("report", reportPath.map { .string($0) } ?? .null))
        if outcome.command == .run { object.append(("store", outcome.store.map { .string($0) } ?? .null)) }
        if let thresholds = outcome.thresholds { object.append(("thresholds", thresholds.json)) }
        object.append(
            (
                "files",
                .array(
                    outcome.files.map { file in
                        .object([
                            ("path", .string(file.input.path)),
                            ("kind", .string(file.input.kind.rawValue)),
                            ("sha256", .string(file.sha256)),
                            ("encoding", file.encoding.map { .string($0.rawValue) } ?? .null),
                            ("rows", .int(file.rows)),
                            ("accepted", .int(file.accepted)),
                            ("rejected", .int(file.rejected)),
                            ("warnings", .int(file.warnings)),
                            ("reject_rate", .double(RunOutcome.rate(file.rejected, of: file.rows))),
                        ])
                    })
            ))
        let missingKinds = outcome.findings.filter { $0.rule == .fileKindMissing }.map { JSONValue.string($0.value) }
        if !missingKinds.isEmpty { object.append(("missing_kinds", .array(missingKinds))) }
        object.append(
            (
                "totals",
                .object([
                    ("rows", .int(outcome.rowsRead)),
                    ("accepted", .int(outcome.rowsAccepted)),
                    ("rejected", .int(outcome.rowsRejected)),
                    ("warnings", .int(outcome.warningCount)),
                ])
            ))
        // Beside `totals`, not in it: `totals` holds whole numbers only, as monitors read it.
        object.append(("reject_rate", .double(outcome.rejectRate)))
        if outcome.matchBlocksSkipped > 0 {
            object.append(("matcher_blocks_skipped", .int(outcome.matchBlocksSkipped)))
        }
        let rules = outcome.ruleCounts
        object.append(("rules", .object(rules.keys.sorted().map { ($0.code, .int(rules[$0]!)) })))
        object.append(
            (
                "changes",
                .object(
                    ChangeKind.allCases.compactMap { kind in
                        outcome.changeCounts[kind].map { (kind.rawValue, .int($0)) }
                    })
            ))
        return .object(object)
    }

    private var masker: PIIMasker { PIIMasker(enabled: options.maskPII) }
    private var messageStyle: CSVMessageStyle { CSVMessageStyle(masker: masker) }
    private func maskID(_ id: String) -> String { masker.id(id) }
    private func maskText(_ text: String) -> String { masker.text(text) }
    private func maskValue(_ value: String, field: String) -> String { masker.value(value, field: field) }
}
