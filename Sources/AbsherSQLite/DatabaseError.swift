import AbsherRules
import AbsherSchema
import AbsherStore
import AbsherSupport
import CSQLite

/// An error reported by SQLite, in the spirit of GRDB's `DatabaseError`.
///
/// It carries the extended result code, SQLite's message and the SQL text of the statement that
/// failed, but never the values bound to it: those are personal data (names, IDs, mobiles) and
/// errors end up in logs and reports. SQL given to `Database.execute(_:)` is reported as given,
/// so callers never put values into SQL text: they bind them.
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// The extended result code (`sqlite3_extended_errcode`), for example
    /// `SQLITE_CONSTRAINT_UNIQUE` (2067); `resultCode & 0xFF` is the primary code.
    public var resultCode: Int32
    /// SQLite's message (`sqlite3_errmsg`), or ours for errors found before SQLite ran.
    public var message: String
    /// The SQL text of the failing statement, if any; never bound values.
    public var sql: String?

    public init(resultCode: Int32, message: String, sql: String? = nil) {
        self.resultCode = resultCode
        self.message = message
        self.sql = sql
    }

    /// The primary result code: the low byte of the extended one.
    public var primaryResultCode: Int32 { resultCode & 0xFF }

    /// The result code as a typed value.
    public var code: ResultCode { ResultCode(rawValue: resultCode) }

    /// Another connection holds a lock this one needs (`SQLITE_BUSY`, `SQLITE_LOCKED` and their
    /// extended codes): for a run, the store is in use by another run.
    public var isBusy: Bool { code.primary == .busy || code.primary == .locked }

    /// The disk is full or failed (`SQLITE_FULL`, `SQLITE_IOERR` and its extended codes).
    public var isDiskFull: Bool { code.primary == .full || code.primary == .ioError }

    /// The file is not a SQLite database, or is encrypted (`SQLITE_NOTADB`).
    public var isNotADatabase: Bool { code.primary == .notADatabase }

    /// A constraint failed (`SQLITE_CONSTRAINT` and its extended codes: unique, check, foreign key…).
    public var isConstraintViolation: Bool { code.primary == .constraint }

    /// For example `SQLite error 2067 (constraint failed): UNIQUE constraint failed: t.k - while executing
    /// \`INSERT INTO t (k) VALUES (?)\``. `sqlite3_errstr` names the code.
    public var description: String {
        var text = "SQLite error \(resultCode) (\(code)): \(message)"
        if let sql {
            text += " - while executing `\(sql)`"
        }
        return text
    }

    /// The error left on `connection` by its last failing call (`sqlite3_extended_errcode`, `sqlite3_errmsg`).
    package static func lastError(of connection: OpaquePointer?, sql: String?) -> DatabaseError {
        guard let connection else {
            return DatabaseError(resultCode: SQLITE_MISUSE, message: "the database is closed", sql: sql)
        }
        return DatabaseError(
            resultCode: sqlite3_extended_errcode(connection),
            message: String(cString: sqlite3_errmsg(connection)),
            sql: sql
        )
    }

    /// An error with `code` as returned by a call, and the connection's message for it.
    package static func error(code: Int32, connection: OpaquePointer?, sql: String?) -> DatabaseError {
        var message = String(cString: sqlite3_errstr(code))
        if let connection, sqlite3_extended_errcode(connection) == code {
            message = String(cString: sqlite3_errmsg(connection))
        }
        return DatabaseError(resultCode: code, message: message, sql: sql)
    }
}
