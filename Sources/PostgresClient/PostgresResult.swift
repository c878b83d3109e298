import CLibPQ

/// The outcome of one statement (`PGresult`): its rows, in text format, and its command status.
///
/// Owns the `PGresult` and frees it (`PQclear`) in `deinit`. Values are read by 0-based row and column
/// indexes; `row(_:)` and iteration give `PostgresRow` views. Like the connection, it belongs to one
/// thread at a time.
public final class PostgresResult {
    /// The `PGresult`; owned.
    let handle: OpaquePointer

    /// The SQL text of the statement, for error messages.
    public let sql: String

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit {
        PQclear(handle)
    }

    /// The number of rows (`PQntuples`).
    public var rowCount: Int { Int(PQntuples(handle)) }

    /// The number of columns (`PQnfields`).
    public var columnCount: Int { Int(PQnfields(handle)) }

    /// The name of column `column` (`PQfname`).
    public func columnName(_ column: Int) -> String {
        PQfname(handle, Int32(column)).map { String(cString: $0) } ?? ""
    }

    /// The command tag (`PQcmdStatus`): `INSERT 0 3`, `COPY 10`, `COMMIT`, `ROLLBACK`…
    public var commandStatus: String {
        PQcmdStatus(handle).map { String(cString: $0) } ?? ""
    }

    /// The rows an INSERT, UPDATE, DELETE, MERGE, SELECT, MOVE, FETCH or COPY affected (`PQcmdTuples`),
    /// `nil` for other commands.
    public var affectedRowCount: Int? {
        guard let text = PQcmdTuples(handle), text.pointee != 0 else {
            return nil
        }
        return Int(String(cString: text))
    }

    /// The row at `index` (0-based), a view that keeps this result alive.
    public func row(_ index: Int) -> PostgresRow {
        precondition(index >= 0 && index < rowCount, "row \(index) out of range 0..<\(rowCount)")
        return PostgresRow(result: self, index: Int32(index))
    }

    /// Every row, in order.
    public var rows: [PostgresRow] {
        (0..<rowCount).map { PostgresRow(result: self, index: Int32($0)) }
    }

    // MARK: Values (0-based indexes)

    /// Whether the value at `row`, `column` is NULL (`PQgetisnull`).
    public func isNull(row: Int, column: Int) -> Bool {
        checkIndexes(row: row, column: column)
        return PQgetisnull(handle, Int32(row), Int32(column)) == 1
    }

    /// Calls `body` with the text bytes of the value at `row`, `column` (`PQgetvalue`, `PQgetlength`), or
    /// `nil` for NULL; the bytes are valid only inside `body`.
    public func withBytes<Result>(
        row: Int,
        column: Int,
        _ body: (UnsafeRawBufferPointer?) throws(PostgresError) -> Result
    ) throws(PostgresError) -> Result {
        try body(bytes(row: row, column: column))
    }

    /// The value at `row`, `column` as text, `nil` for NULL. Invalid UTF-8 (the connection asks for UTF-8,
    /// so the server never sends it) would be repaired with U+FFFD.
    public func string(row: Int, column: Int) -> String? {
        bytes(row: row, column: column).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of a value, `nil` for NULL; they live as long as the result.
    private func bytes(row: Int, column: Int) -> UnsafeRawBufferPointer? {
        guard !isNull(row: row, column: column), let value = PQgetvalue(handle, Int32(row), Int32(column)) else {
            return nil
        }
        let count = Int(PQgetlength(handle, Int32(row), Int32(column)))
        return UnsafeRawBufferPointer(start: value, count: count)
    }

    /// The value at `row`, `column` as an integer, `nil` for NULL. Throws when it is not the text of a
    /// 64-bit integer; the error names the column, never the value.
    public func int(row: Int, column: Int) throws(PostgresError) -> Int64? {
        guard let text = string(row: row, column: column) else {
            return nil
        }
        guard let value = Int64(text) else {
            throw conversionError("an integer", column: column)
        }
        return value
    }

    /// The value at `row`, `column` as a double, `nil` for NULL (`NaN`, `Infinity` as PostgreSQL spells
    /// them). Throws when it is not a number.
    public func double(row: Int, column: Int) throws(PostgresError) -> Double? {
        guard let text = string(row: row, column: column) else {
            return nil
        }
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default:
            guard let value = Double(text) else {
                throw conversionError("a number", column: column)
            }
            return value
        }
    }

    /// The value at `row`, `column` as a Boolean (`t` or `f`, the text output of `boolean`), `nil` for
    /// NULL. Throws for any other text.
    public func bool(row: Int, column: Int) throws(PostgresError) -> Bool? {
        switch string(row: row, column: column) {
        case nil: return nil
        case "t": return true
        case "f": return false
        default: throw conversionError("a boolean", column: column)
        }
    }

    private func conversionError(_ expected: String, column: Int) -> PostgresError {
        PostgresError.misuse("column \(column) (\(columnName(column))) is not \(expected)", sql: sql)
    }

    private func checkIndexes(row: Int, column: Int) {
        precondition(row >= 0 && row < rowCount, "row \(row) out of range 0..<\(rowCount)")
        precondition(column >= 0 && column < columnCount, "column \(column) out of range 0..<\(columnCount)")
    }
}
