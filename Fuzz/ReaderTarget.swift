import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

#if !ABSHER_FUZZ
    import AbsherImport
#endif

/// The CSV reader's fuzz target: reads every record of the input with a few chunk sizes and lists the
/// invariants the reader broke.
///
/// The first input byte picks the chunk sizes (at least 1/64 of the input, so that a run stays fast) and, in its bits 4–6, an encoding forced on the reader (half of
/// the values leave it to detection). The invariants: each record's `fieldEnds` are non-empty, non-decreasing
/// and end at `bytes.count`; record lines start at 1 and strictly increase; only the last record may be
/// unterminated; fields and raw text are valid UTF-8; the unescaped bytes are no longer than the raw text;
/// reading ends (at most one record per decoded byte), stays ended, and has read every input byte;
/// every chunk size gives the same delimiter, encoding, records and SHA-256; and switching `keepsRaw` off for
/// every other record changes nothing but those records' raw text, which is then empty.
///
/// Compiled into the `reader-fuzzer` binary by `Scripts/fuzz` (with `-D ABSHER_FUZZ`, next to the library
/// sources) and into the test target through a link, where `FuzzRegressionTests` calls it.
enum ReaderTarget {
    /// What one read of the whole input produced.
    private struct Outcome: Equatable {
        var delimiter: UInt8
        var encoding: TextEncoding
        var encodingWasGuessed: Bool
        var records: [Snapshot]
        var sha256: String
    }

    /// The comparable contents of a ``CSVRecord``.
    private struct Snapshot: Equatable {
        var line: Int
        var bytes: [UInt8]
        var fieldEnds: [Int]
        var raw: [UInt8]
        var isUnterminated: Bool
    }

    /// The invariants the reader broke on `data`; empty when it behaved.
    static func violations(in data: [UInt8]) -> [String] {
        let selector = Int(data.first ?? 0)
        let encoding: TextEncoding? =
            switch selector >> 4 & 7 {
            case 4: .utf8
            case 5: .utf16LittleEndian
            case 6: .utf16BigEndian
            case 7: .windows1256
            default: nil
            }
        // Small chunks cut sequences and records at every place; a floor keeps large inputs to ~64 refills.
        let floor = data.count / 64
        let chunkSizes = [1 << 16, max(1 + selector & 0x0F, floor), max(2 + selector * 5, floor)]
        var problems: [String] = []
        var first: Outcome?
        for chunkSize in chunkSizes {
            let outcome = read(data, encoding: encoding, chunkSize: chunkSize, problems: &problems)
            guard problems.isEmpty else { return problems }
            if let first, first != outcome {
                problems.append("chunk size \(chunkSize) reads differently from chunk size \(chunkSizes[0])")
                return problems
            }
            if first == nil { first = outcome }
        }
        if let first { problems += rawSwitchViolations(data, encoding: encoding, chunkSize: chunkSizes[1], first) }
        return problems
    }

    /// `keepsRaw` switched off for every other record (the first scan and the rejected/ copies switch it): the
    /// same records, with an empty raw text exactly where it was off.
    private static func rawSwitchViolations(
        _ data: [UInt8], encoding: TextEncoding?, chunkSize: Int, _ expected: Outcome
    ) -> [String] {
        var reader = CSVReader(bytes: data, encoding: encoding, chunkSize: chunkSize)
        var index = 0
        do {
            while true {
                reader.keepsRaw = index % 2 == 0
                guard let record = try reader.next() else { break }
                guard index < expected.records.count else { return ["more records with keepsRaw switched"] }
                let full = expected.records[index]
                if record.line != full.line || record.bytes != full.bytes || record.fieldEnds != full.fieldEnds
                    || record.isUnterminated != full.isUnterminated
                {
                    return ["line \(full.line): another record with keepsRaw switched"]
                }
                if record.raw != (index % 2 == 0 ? full.raw : []) {
                    return ["line \(full.line): raw text \(record.raw.count) bytes with keepsRaw \(index % 2 == 0)"]
                }
                index += 1
            }
        } catch {
            return ["reading with keepsRaw switched threw \(error)"]
        }
        return index == expected.records.count ? [] : ["\(index) records with keepsRaw switched"]
    }

    /// The invariants `record` breaks on its own and as the successor of `previous`.
    static func violations(of record: CSVRecord, after previous: CSVRecord?) -> [String] {
        var problems: [String] = []
        if record.fieldEnds.isEmpty {
            problems.append("line \(record.line): no field ends")
        } else {
            var last = 0
            for end in record.fieldEnds {
                if end < last { problems.append("line \(record.line): field ends \(record.fieldEnds) decrease") }
                last = end
            }
            if last != record.bytes.count {
                problems.append("line \(record.line): last field end \(last), bytes \(record.bytes.count)")
            }
            if problems.isEmpty {
                for index in 0..<record.fieldCount { _ = record.string(index) }
            }
        }
        if record.line < 1 { problems.append("record line \(record.line) < 1") }
        if let previous {
            if record.line <= previous.line {
                problems.append("record line \(record.line) after line \(previous.line)")
            }
            if previous.isUnterminated { problems.append("line \(previous.line): unterminated but not last") }
        }
        if String(validating: record.bytes, as: UTF8.self) == nil {
            problems.append("line \(record.line): field bytes are not valid UTF-8")
        }
        if String(validating: record.raw, as: UTF8.self) == nil {
            problems.append("line \(record.line): raw text is not valid UTF-8")
        }
        if record.bytes.count + max(record.fieldCount - 1, 0) > record.raw.count {
            problems.append(
                "line \(record.line): \(record.bytes.count) bytes in \(record.fieldCount) fields from "
                    + "\(record.raw.count) raw bytes")
        }
        return problems
    }

    private static func read(
        _ data: [UInt8], encoding: TextEncoding?, chunkSize: Int, problems: inout [String]
    ) -> Outcome {
        var reader = CSVReader(bytes: data, encoding: encoding, chunkSize: chunkSize)
        var records: [Snapshot] = []
        var previous: CSVRecord?
        // Decoding makes at most 3 bytes of one input byte, plus a replacement at the end.
        let maximumRecords = data.count * 3 + 16
        do {
            while let record = try reader.next() {
                problems += violations(of: record, after: previous)
                records.append(
                    Snapshot(
                        line: record.line, bytes: record.bytes, fieldEnds: record.fieldEnds, raw: record.raw,
                        isUnterminated: record.isUnterminated))
                previous = record
                if records.count > maximumRecords || !problems.isEmpty { break }
            }
            if problems.isEmpty, try reader.next() != nil { problems.append("a record after the end") }
        } catch {
            problems.append("reading from memory threw \(error)")
        }
        if records.count > maximumRecords { problems.append("more than \(maximumRecords) records") }
        if problems.isEmpty, reader.bytesRead != data.count {
            problems.append("read \(reader.bytesRead) of \(data.count) bytes with chunk size \(chunkSize)")
        }
        if reader.fileSize != data.count { problems.append("file size \(reader.fileSize), not \(data.count)") }
        if let encoding, reader.encoding != encoding { problems.append("encoding \(reader.encoding), not \(encoding)") }
        let sha256 = reader.sha256Hex()
        if sha256.utf8.count != 64 { problems.append("SHA-256 '\(sha256)'") }
        return Outcome(
            delimiter: reader.delimiter, encoding: reader.encoding, encodingWasGuessed: reader.encodingWasGuessed,
            records: records, sha256: sha256)
    }
}

#if ABSHER_FUZZ
    /// libFuzzer's entry point: a broken invariant is a crash.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        let problems = ReaderTarget.violations(in: Array(UnsafeBufferPointer(start: data, count: size)))
        if !problems.isEmpty { fatalError("reader invariant broken: " + problems.joined(separator: "; ")) }
        return 0
    }
#endif
