import AbsherReading
import AbsherRules
import AbsherSchema
import AbsherSupport
import Foundation

/// Runs the reader and the field rules over one file.
package enum FileScanner {
    /// `onValidRow`, when given, receives each row that passes the field rules (its index, canonical
    /// record and content hash), in file order: a first load stages them while it reads, instead of reading the file twice.
    package static func scan(
        _ input: InputFile, validation: ValidationOptions, reader readerOptions: ReaderOptions,
        progress: ProgressHandler? = nil,
        onValidRow: ((_ row: Int, _ record: CanonicalRecord, _ contentHash: UInt64) -> Void)? = nil
    ) -> FileScan {
        var scan = FileScan(
            input: input, encoding: nil, delimiter: nil, sha256: "", header: nil, findings: [], isUsable: false,
            facts: ChunkedArray())
        var records: CSVReader
        do {
            records = try CSVReader(
                path: input.path, delimiter: readerOptions.delimiter, encoding: readerOptions.encoding)
        } catch {
            scan.findings.append(fileFinding(input, .fileUnreadable, detail: error))
            return scan
        }
        scan.encoding = records.encoding
        scan.delimiter = records.delimiter
        if records.encodingWasGuessed {
            scan.findings.append(Finding(file: input.name, line: nil, rule: .fileEncodingGuessed))
        }
        do {
            guard let headerRecord = try records.next() else {
                scan.findings.append(Finding(file: input.name, line: nil, rule: .fileEmpty))
                scan.sha256 = records.sha256Hex()
                return scan
            }
            // The rows' raw text is not needed here (the rejected/ copies read the file again): without it a
            // huge cell is held once less.
            records.keepsRaw = false
            if let oversized = HeaderMap.oversizedMessage(
                fieldCount: headerRecord.fieldCount, byteCount: headerRecord.raw.count)
            {
                // Judged before a String is made of any cell: the cost stays linear in the header's size.
                scan.findings.append(Finding(file: input.name, line: nil, rule: .fileUnreadable, message: oversized))
                while try records.next() != nil {}
                scan.sha256 = records.sha256Hex()
                return scan
            }
            let header = HeaderMap(kind: input.kind, headerRecord: headerRecord, fileName: input.name)
            scan.header = header
            scan.findings += header.findings
            guard header.isUsable else {
                while try records.next() != nil {}
                scan.sha256 = records.sha256Hex()
                return scan
            }
            let validator = RowValidator(header: header, fileName: input.name, options: validation)
            // Usernames and e-mails take about a fifth of an export's bytes, normalised names a quarter or less
            // (measured on the bench's files): the arenas are sized once rather than grown by copying.
            scan.arena.reserveCapacity(records.fileSize / 4)
            if input.kind != .sponsor && PersonFacts.isEnabled {
                scan.names.reserveCapacity(records.fileSize * 3 / 10)
            }
            var lastReport = 0
            while let record = try records.next() {
                let result = validator.validate(record)
                let facts = RowFacts(result: result, arena: &scan.arena)
                if let onValidRow, let canonical = result.record {
                    onValidRow(scan.facts.count, canonical, facts.contentHash)
                }
                scan.facts.append(facts)
                if input.kind != .sponsor && PersonFacts.isEnabled {
                    scan.people.append(PersonFacts(record: result.record, arena: &scan.names))
                }
                if !result.findings.isEmpty { scan.findings += result.findings }
                if let progress, records.bytesRead - lastReport >= 4 << 20 {
                    lastReport = records.bytesRead
                    progress(input, records.bytesRead, records.fileSize, scan.facts.count)
                }
            }
            progress?(input, records.bytesRead, records.fileSize, scan.facts.count)
            scan.sha256 = records.sha256Hex()
            scan.identity = records.fileIdentity
            scan.isUsable = true
        } catch {
            scan.findings.append(fileFinding(input, .fileUnreadable, detail: error))
            scan.isUsable = false
        }
        return scan
    }

    package static func fileFinding(_ input: InputFile, _ rule: RuleCode, detail: any Error) -> Finding {
        let reason: String
        if let error = detail as? CSVReadError, case .unreadable(_, let text) = error {
            reason = text
        } else {
            reason = String(describing: detail)
        }
        return Finding(
            file: input.name, line: nil, rule: rule, message: FindingMessage(.fileUnreadableReason, .text(reason)))
    }

    /// The second pass: reads the file again, in the same order, and hands each record with its index (with
    /// `rows`, ascending indexes, only those records: the others are read past, not built, and the reading stops
    /// after the last of them when the file's identity tells it unchanged). Fails when the file's bytes changed
    /// since the first pass.
    package static func replay(
        _ scan: FileScan, rows: [Int]? = nil,
        _ body: (_ index: Int, _ record: CSVRecord, _ header: HeaderMap) throws -> Void
    ) throws {
        let input = scan.input
        let expectedSHA256 = scan.sha256
        // The dialect found by the first pass: no second sniffing of the whole file. The file is known to be
        // the one the first pass hashed by its identity, before and after this pass, or else by its hash.
        let identity = scan.identity
        var reader = try CSVReader(
            path: input.path, delimiter: scan.delimiter, encoding: scan.encoding, hashing: identity == nil)
        if let identity, reader.fileIdentity != identity { throw ReplayError.changed(input.path) }
        guard let headerRecord = try reader.next() else { throw ReplayError.changed(input.path) }
        let header = HeaderMap(kind: input.kind, headerRecord: headerRecord, fileName: input.name)
        var index = 0
        if let rows {
            for row in rows {
                while index < row {
                    guard try reader.skipRecord() else { throw ReplayError.changed(input.path) }
                    index += 1
                }
                guard let record = try reader.next() else { throw ReplayError.changed(input.path) }
                try body(index, record, header)
                index += 1
            }
            // The file's identity (its size and times) can be checked where the last row is; its hash, when the
            // first pass had no identity, needs every byte.
            if identity == nil { while try reader.skipRecord() {} }
        } else {
            while let record = try reader.next() {
                try body(index, record, header)
                index += 1
            }
        }
        if let identity {
            guard reader.fileIdentity == identity else { throw ReplayError.changed(input.path) }
        } else {
            guard reader.sha256Hex() == expectedSHA256 else { throw ReplayError.changed(input.path) }
        }
    }
}
