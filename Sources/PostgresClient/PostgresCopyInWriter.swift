import CLibPQ

/// The rows of a `COPY … FROM STDIN` in text format, given to the body of `PostgresConnection.copyIn`.
///
/// Fields are escaped (`PostgresCopyText.appendEscaped`) into a buffer that is sent with `PQputCopyData`
/// whenever it passes `flushThresholdBytes`, so a million rows cost a few hundred calls, not a million.
/// Valid only inside the body it was given to.
public final class PostgresCopyInWriter {
    /// The connection in COPY IN state.
    private let handle: OpaquePointer

    /// The COPY statement, for errors.
    private let sql: String

    /// Escaped rows not yet sent.
    private var buffer: [UInt8] = []

    /// Whether the next field is the first of its row (no tab before it).
    private var atRowStart = true

    /// The rows ended so far.
    public private(set) var rowCount = 0

    /// The buffered size at which rows are sent.
    public static let flushThresholdBytes = 256 * 1024

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
        buffer.reserveCapacity(Self.flushThresholdBytes + 4096)
    }

    /// Appends one field to the current row; `nil` is NULL (`\N`), the empty string stays empty.
    /// - Throws: a `misuse` error naming the row and field (never the value) when it holds a NUL byte.
    public func appendField(_ value: String?) throws(PostgresError) {
        guard let value else {
            return appendNull()
        }
        try appendField(utf8: value.utf8)
    }

    /// Appends one field of UTF-8 bytes to the current row, without making a `String`.
    public func appendField(utf8 bytes: some Sequence<UInt8>) throws(PostgresError) {
        separateField()
        guard PostgresCopyText.appendEscaped(bytes, to: &buffer) else {
            throw PostgresError.misuse("row \(rowCount + 1) has a NUL byte in a field", sql: sql)
        }
    }

    /// Appends NULL (`\N`) as the next field of the current row.
    public func appendNull() {
        separateField()
        buffer.append(UInt8(ascii: "\\"))
        buffer.append(UInt8(ascii: "N"))
    }

    /// Ends the current row, sending the buffer when it is large enough.
    public func endRow() throws(PostgresError) {
        buffer.append(UInt8(ascii: "\n"))
        atRowStart = true
        rowCount += 1
        if buffer.count >= Self.flushThresholdBytes {
            try flush()
        }
    }

    /// Appends whole rows already in COPY text format (escaped fields, tabs, each row ending in a line
    /// feed, as `PostgresCopyText.line` makes them), sending the buffer when it is large enough.
    public func appendEscapedLines(_ bytes: [UInt8]) throws(PostgresError) {
        guard atRowStart else {
            throw PostgresError.misuse("escaped lines appended in the middle of a row", sql: sql)
        }
        buffer += bytes
        rowCount += bytes.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        if buffer.count >= Self.flushThresholdBytes {
            try flush()
        }
    }

    /// Appends `fields` as one row and ends it.
    public func writeRow(_ fields: [String?]) throws(PostgresError) {
        for field in fields {
            try appendField(field)
        }
        try endRow()
    }

    /// Sends the buffered rows (`PQputCopyData`, which blocks until libpq has taken them).
    func flush() throws(PostgresError) {
        guard !buffer.isEmpty else {
            return
        }
        let sent = buffer.withUnsafeBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                PQputCopyData(handle, $0, Int32(bytes.count))
            }
        }
        guard sent == 1 else {
            throw PostgresError.failure(result: nil, connection: handle, sql: sql)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func separateField() {
        if atRowStart {
            atRowStart = false
        } else {
            buffer.append(UInt8(ascii: "\t"))
        }
    }
}
