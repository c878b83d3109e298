import AbsherRules
import AbsherSchema
import AbsherStore
import AbsherSupport
import CSQLite

/// SQLite's `SQLITE_TRANSIENT` destructor: SQLite copies the bound bytes before the call returns.
/// The C macro is `((sqlite3_destructor_type)-1)`, which Swift does not import.
private let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement (`sqlite3_stmt`): prepare it once, then bind, step and reset it for every row.
///
/// Made by `Database.prepare(_:)` or `Database.cachedStatement(_:)`. It is finalised when the last
/// reference goes away; it must not outlive its `Database`, and like it, it belongs to one thread.
///
/// Binding never throws: a failed bind (index out of range, binding while a row is pending) is
/// remembered, and the next `step()` or `run()` throws it, so no statement runs with a missing value.
public final class Statement {
    /// The SQL text the statement was prepared from, with `?` for its parameters.
    public let sql: String

    /// The `sqlite3_stmt`; owned, finalised in `deinit`.
    package let handle: OpaquePointer

    /// The first bind that failed since the last step, thrown by the next step.
    private var bindError: DatabaseError?

    package init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The connection that prepared the statement (`sqlite3_db_handle`), for error messages.
    private var connection: OpaquePointer? { sqlite3_db_handle(handle) }

    // MARK: Binding (1-based parameter indexes)

    /// Binds text at `index` (1-based) with `sqlite3_bind_text` and `SQLITE_TRANSIENT`; `nil` binds NULL.
    /// The empty string stays an empty string, not NULL.
    public func bind(_ value: String?, at index: Int32) {
        guard var value else {
            return bindNull(at: index)
        }
        let code = value.withUTF8 { bytes -> Int32 in
            // An empty buffer may have no base address, and a NULL pointer would bind NULL.
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(handle, index, "", 0, sqliteTransient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), sqliteTransient)
            }
        }
        check(code, index: index)
    }

    /// Binds a 64-bit integer at `index` (1-based) with `sqlite3_bind_int64`; `nil` binds NULL.
    public func bind(_ value: Int64?, at index: Int32) {
        guard let value else {
            return bindNull(at: index)
        }
        check(sqlite3_bind_int64(handle, index, value), index: index)
    }

    /// Binds `count` bytes of UTF-8 text at `base` without copying them (`SQLITE_STATIC`). The caller keeps
    /// the bytes alive and unchanged until the statement has run and been reset (`run()` does both).
    public func bindText(borrowing base: UnsafePointer<UInt8>, count: Int, at index: Int32) {
        let code = base.withMemoryRebound(to: CChar.self, capacity: count) {
            sqlite3_bind_text(handle, index, $0, Int32(count), nil)
        }
        check(code, index: index)
    }

    /// Binds an integer at `index` (1-based) with `sqlite3_bind_int64`; `nil` binds NULL.
    /// (Also makes `bind(5, at: 1)` unambiguous.)
    public func bind(_ value: Int?, at index: Int32) {
        bind(value.map { Int64($0) }, at: index)
    }

    /// Binds a double at `index` (1-based) with `sqlite3_bind_double`; `nil` binds NULL.
    public func bind(_ value: Double?, at index: Int32) {
        guard let value else {
            return bindNull(at: index)
        }
        check(sqlite3_bind_double(handle, index, value), index: index)
    }

    /// Binds a Boolean as 1 or 0 at `index` (1-based); `nil` binds NULL.
    public func bind(_ value: Bool?, at index: Int32) {
        bind(value.map { $0 ? Int64(1) : Int64(0) }, at: index)
    }

    /// Binds NULL at `index` (1-based) with `sqlite3_bind_null`.
    public func bindNull(at index: Int32) {
        check(sqlite3_bind_null(handle, index), index: index)
    }

    /// Binds `values` to parameters 1, 2, 3… in order; `nil` binds NULL. A convenience for
    /// occasional statements: the array and its boxes cost allocations, so hot loops use the typed binds.
    public func bind(_ values: [(any DatabaseValueConvertible)?]) {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            if let value {
                value.bind(to: self, at: index)
            } else {
                bindNull(at: index)
            }
        }
    }

    /// Sets every parameter back to NULL (`sqlite3_clear_bindings`).
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    /// The number of `?` parameters (`sqlite3_bind_parameter_count`).
    public var parameterCount: Int32 { sqlite3_bind_parameter_count(handle) }

    private func check(_ code: Int32, index: Int32) {
        if code != SQLITE_OK, bindError == nil {
            let reason = String(cString: sqlite3_errstr(code))
            bindError = DatabaseError(resultCode: code, message: "cannot bind parameter \(index): \(reason)", sql: sql)
        }
    }

    // MARK: Running

    /// Runs the statement to its next row (`sqlite3_step`): `true` while a row is available to the
    /// `column…` accessors, `false` when done. On error the statement is reset (releasing its locks) and
    /// the error thrown; the bindings are kept.
    public func step() throws(DatabaseError) -> Bool {
        if let error = bindError {
            bindError = nil
            throw error
        }
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            let error = DatabaseError.error(code: code, connection: connection, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Steps until done, ignoring rows, then resets the statement and clears its bindings (also on
    /// error, so no bound value lingers): for INSERT, UPDATE, DELETE.
    public func run() throws(DatabaseError) {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        while try step() {}
    }

    /// Makes the statement ready to run again from the start (`sqlite3_reset`), keeping its bindings;
    /// ends its read of the database. Errors of the last step were already thrown by `step()`.
    public func reset() {
        sqlite3_reset(handle)
    }

    // MARK: Reading the current row (0-based column indexes)

    /// The number of result columns (`sqlite3_column_count`).
    public var columnCount: Int32 { sqlite3_column_count(handle) }

    /// The name of result column `index` (0-based), `sqlite3_column_name`.
    public func columnName(_ index: Int32) -> String {
        guard let name = sqlite3_column_name(handle, index) else {
            return ""
        }
        return String(cString: name)
    }

    /// Whether column `index` (0-based) of the current row is NULL.
    public func columnIsNull(_ index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    /// Column `index` (0-based) of the current row as text, `nil` when NULL (`sqlite3_column_text`).
    /// Invalid UTF-8 (never written by this tool) is repaired with U+FFFD.
    public func columnString(_ index: Int32) -> String? {
        guard sqlite3_column_type(handle, index) != SQLITE_NULL else {
            return nil
        }
        // Text first, then its byte count, as SQLite's documentation advises.
        guard let text = sqlite3_column_text(handle, index) else {
            return nil
        }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 bytes of column `index` (0-based) of the current row, empty for NULL,
    /// without making a `String`; the bytes are valid only inside `body`.
    /// Column `index`'s UTF-8 bytes, empty when NULL: valid until the next `step`, `reset` or column call of
    /// another type on this column.
    public func columnBytes(_ index: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let text = sqlite3_column_text(handle, index) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index)))
    }

    public func withColumnBytes<Result>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let text = sqlite3_column_text(handle, index) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        return body(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index))))
    }

    /// Column `index` (0-based) of the current row as an integer, `nil` when NULL (`sqlite3_column_int64`).
    public func columnInt(_ index: Int32) -> Int64? {
        guard sqlite3_column_type(handle, index) != SQLITE_NULL else {
            return nil
        }
        return sqlite3_column_int64(handle, index)
    }

    /// Column `index` (0-based) of the current row as a double, `nil` when NULL (`sqlite3_column_double`).
    public func columnDouble(_ index: Int32) -> Double? {
        guard sqlite3_column_type(handle, index) != SQLITE_NULL else {
            return nil
        }
        return sqlite3_column_double(handle, index)
    }
}

extension String: DatabaseValueConvertible {
    public func bind(to statement: Statement, at index: Int32) { statement.bind(self, at: index) }
}

extension Int64: DatabaseValueConvertible {
    public func bind(to statement: Statement, at index: Int32) { statement.bind(self, at: index) }
}

extension Int: DatabaseValueConvertible {
    public func bind(to statement: Statement, at index: Int32) { statement.bind(self, at: index) }
}

extension Double: DatabaseValueConvertible {
    public func bind(to statement: Statement, at index: Int32) { statement.bind(self, at: index) }
}

extension Bool: DatabaseValueConvertible {
    public func bind(to statement: Statement, at index: Int32) { statement.bind(self, at: index) }
}
