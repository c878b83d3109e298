/// Writes the report CSVs (`rejects.csv`, `changes.csv`, `rejected/…`): RFC 4180, UTF-8, CRLF record ends.
///
/// A cell is quoted (inner quotes doubled) when it holds `,`, `"`, CR or LF. Contract §6.9's formula guard: a cell
/// starting with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'` first, so spreadsheets show it as text
/// instead of running it (OWASP "CSV injection"). A row of one empty cell is written `""`, so that it is not a
/// blank line, which readers (ours too) skip. `writeRaw` copies a record's bytes verbatim (no guard, no
/// quoting), for the `rejected/` copies that must hold records exactly as they were read. Files the tool reads
/// back (the export) are written with `formulaGuard: false`: exact values, quoted where RFC 4180 needs it.
public final class CSVWriter {
    private let file: OutputFile
    private var line: [UInt8] = []
    private let formulaGuard: Bool

    /// Creates the file (mode 0600, must not exist); `byteOrderMark` starts it with EF BB BF, which Excel needs
    /// to show Arabic from a UTF-8 CSV (contract §6.9 does not ask for it, so it is off by default).
    public init(path: String, byteOrderMark: Bool = false, formulaGuard: Bool = true) throws(FileSystemError) {
        file = try OutputFile(path: path)
        self.formulaGuard = formulaGuard
        line.reserveCapacity(1024)
        if byteOrderMark { try file.write([0xEF, 0xBB, 0xBF] as [UInt8]) }
    }

    /// Writes one record: the cells encoded by `escape(_:)`, joined by `,`, then CRLF.
    public func writeRow(_ cells: [String]) throws(FileSystemError) {
        line.removeAll(keepingCapacity: true)
        if cells.count == 1, cells[0].isEmpty {
            line.append(contentsOf: [ASCII.quote, ASCII.quote])
        } else {
            for (index, cell) in cells.enumerated() {
                if index > 0 { line.append(ASCII.comma) }
                Self.appendEscaped(cell, to: &line, formulaGuard: formulaGuard)
            }
        }
        line.append(contentsOf: [ASCII.carriageReturn, ASCII.lineFeed])
        try file.write(line)
    }

    /// Writes a record's raw bytes exactly as given, then CRLF.
    public func writeRaw(_ bytes: some Collection<UInt8>) throws(FileSystemError) {
        try file.write(bytes)
        try file.write([ASCII.carriageReturn, ASCII.lineFeed] as [UInt8])
    }

    /// Flushes, syncs and closes the file (see `OutputFile.close()`).
    public func close() throws(FileSystemError) {
        try file.close()
    }

    /// The exact encoding of one cell, guard and quoting included.
    public static func escape(_ cell: String) -> String {
        var bytes: [UInt8] = []
        appendEscaped(cell, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the encoding of `cell` to `output`: one pass to decide, one to copy.
    package static func appendEscaped(_ cell: String, to output: inout [UInt8], formulaGuard: Bool = true) {
        let utf8 = cell.utf8
        guard let first = utf8.first else { return }
        let guarded: Bool
        switch formulaGuard ? first : 0 {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), ASCII.tab,
            ASCII.carriageReturn:
            guarded = true  // a spreadsheet may read it as the start of a formula
        default: guarded = false
        }
        let needsQuotes = utf8.contains {
            $0 == ASCII.comma || $0 == ASCII.quote || $0 == ASCII.carriageReturn || $0 == ASCII.lineFeed
        }
        if needsQuotes { output.append(ASCII.quote) }
        if guarded { output.append(ASCII.apostrophe) }
        if needsQuotes {
            for byte in utf8 {
                if byte == ASCII.quote { output.append(ASCII.quote) }
                output.append(byte)
            }
            output.append(ASCII.quote)
        } else {
            output.append(contentsOf: utf8)
        }
    }

    private enum ASCII {
        static let comma = UInt8(ascii: ",")
        static let quote = UInt8(ascii: "\"")
        static let apostrophe = UInt8(ascii: "'")
        static let tab = UInt8(ascii: "\t")
        static let carriageReturn = UInt8(ascii: "\r")
        static let lineFeed = UInt8(ascii: "\n")
    }
}
