import AbsherRules
import AbsherSchema
import AbsherStore
import AbsherSupport
import CSQLite

#if canImport(Glibc)
    import Glibc

    /// `close(2)`, which `Database.close()` would otherwise shadow.
    private func closeDescriptor(_ descriptor: Int32) -> Int32 { Glibc.close(descriptor) }
#elseif canImport(Darwin)
    import Darwin

    /// `close(2)`, which `Database.close()` would otherwise shadow.
    private func closeDescriptor(_ descriptor: Int32) -> Int32 { Darwin.close(descriptor) }
#endif

/// One connection to a SQLite database file (`sqlite3`), in the spirit of GRDB's `Database`.
///
/// Opened with extended result codes, `foreign_keys=ON`, `journal_mode=WAL` (checked to really be WAL
/// for writable connections) and `synchronous=FULL`, because the store is a register of record: a
/// committed run survives a power cut. Opened with `SQLITE_OPEN_NOMUTEX`: a connection and its
/// statements belong to one thread at a time, hence not `Sendable`.
public final class Database {
    /// The `sqlite3` connection, `nil` once closed.
    private var connection: OpaquePointer?

    /// Statements of `cachedStatement(_:)`, by SQL text.
    private var statementCache: [String: Statement] = [:]

    /// The path given to `init`.
    public let path: String

    /// Opens (and, unless `readOnly`, creates with mode 0600) the database at `path`.
    ///
    /// - Parameters:
    ///   - readOnly: open with `SQLITE_OPEN_READONLY`; the journal mode is then left as it is.
    ///   - busyTimeoutMilliseconds: how long a statement waits for another connection's lock
    ///     (`sqlite3_busy_timeout`) before failing with `isBusy`; 0 fails at once.
    /// - Throws: `DatabaseError`; `isNotADatabase` when the file is not SQLite.
    ///   - identity: a check run on the open file before anything is written to it (before the switch to WAL),
    ///     such as `StoreIdentity.check(_:path:)`; its error closes the connection.
    ///   - journal: how a writable connection journals its writes; `.wal` unless the file is one that no
    ///     other connection sees before it is finished (`Journal.unsyncedInMemory`).
    public init(
        path: String, readOnly: Bool = false, busyTimeoutMilliseconds: Int32 = 0,
        identity: ((Database) throws(DatabaseError) -> Void)? = nil, journal: Journal = .wal
    ) throws(DatabaseError) {
        self.path = path
        if !readOnly {
            try Self.createFileIfMissing(path: path)
        }
        var flags = SQLITE_OPEN_NOMUTEX
        flags |= readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = DatabaseError.error(code: code, connection: handle, sql: nil)
            sqlite3_close_v2(handle)
            throw DatabaseError(resultCode: error.resultCode, message: "\(error.message): \(path)")
        }
        connection = handle
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        do {
            try configure(readOnly: readOnly, identity: identity, journal: journal)
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Creates an empty file with mode 0600 when `path` does not exist, so that SQLite (which gives the
    /// `-wal` and `-shm` files the database file's mode) never makes a file others can read. `open(2)`
    /// with `O_EXCL` rather than `umask(2)`, which is process-wide and would race with other threads. A symbolic
    /// link is refused (`SQLITE_CANTOPEN`, exit 73), dangling or not.
    private static func createFileIfMissing(path: String) throws(DatabaseError) {
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        } while descriptor < 0 && errno == EINTR
        if descriptor >= 0 {
            _ = closeDescriptor(descriptor)
            return
        }
        let reason = errno
        if reason == EEXIST {
            // `O_EXCL` refused a symbolic link (dangling or not): SQLite would create its target with the
            // umask's mode, or overwrite an empty file it names. The store is never reached through one.
            var info = stat()
            if lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK {
                throw DatabaseError(
                    resultCode: SQLITE_CANTOPEN,
                    message: "\(path) is a symbolic link; the store is only opened by its own path")
            }
            return
        }
        let text = String(cString: strerror(reason))
        throw DatabaseError(resultCode: SQLITE_CANTOPEN, message: "cannot create the database file: \(text): \(path)")
    }

    /// How a writable connection journals its writes.
    public enum Journal: Sendable {
        /// `journal_mode=WAL` and `synchronous=FULL`: a commit survives a power cut, and readers see the last
        /// commit while a writer works. Every page is written twice (to the log, then to the file).
        case wal
        /// `journal_mode=MEMORY` and `synchronous=OFF`: pages are written once, straight into the file, and a
        /// rollback still works, but a crash or a power cut in the middle leaves the file corrupt. Only for a
        /// file no one else opens until it is finished, synced and linked into place (`FirstLoadFile`).
        case unsyncedInMemory
    }

    /// The first queries: they prove the file is SQLite, then set the connection's pragmas.
    private func configure(
        readOnly: Bool, identity: ((Database) throws(DatabaseError) -> Void)?, journal: Journal
    ) throws(DatabaseError) {
        // Reading the schema fails with SQLITE_NOTADB for a file that is not SQLite.
        _ = try scalarInt("SELECT count(*) FROM sqlite_master")
        try identity?(self)
        try execute("PRAGMA foreign_keys = ON")
        guard try scalarInt("PRAGMA foreign_keys") == 1 else {
            throw DatabaseError(resultCode: SQLITE_ERROR, message: "foreign keys cannot be turned on")
        }
        guard !readOnly else {
            try execute("PRAGMA synchronous = FULL")
            return
        }
        switch journal {
        case .wal:
            try setJournalMode("WAL")
            try execute("PRAGMA synchronous = FULL")
        case .unsyncedInMemory:
            try setJournalMode("MEMORY")
            try execute("PRAGMA synchronous = OFF")
        }
    }

    /// Switches the journal (`PRAGMA journal_mode`), outside a transaction, and checks that SQLite did.
    private func setJournalMode(_ mode: String) throws(DatabaseError) {
        let sql = "PRAGMA journal_mode = \(mode)"
        let now = try scalarString(sql)
        guard now?.lowercased() == mode.lowercased() else {
            throw DatabaseError(
                resultCode: SQLITE_ERROR, message: "journal_mode is \(now ?? "unknown"), not \(mode)", sql: sql)
        }
    }

    /// Turns a connection opened with `Journal.unsyncedInMemory` into what every other connection of the
    /// file uses (`journal_mode=WAL`, `synchronous=FULL`), once its writes are committed. The switch writes
    /// the file's header; the file itself is still to be synced (`fsync(2)`), which this does not do.
    public func switchToWAL() throws(DatabaseError) {
        try setJournalMode("WAL")
        try execute("PRAGMA synchronous = FULL")
    }

    /// Closes the connection (`sqlite3_close_v2`), finalising cached statements. Statements from
    /// `prepare(_:)` should be released first; SQLite frees the connection when the last is finalised.
    /// Closing twice does nothing.
    public func close() {
        statementCache.removeAll()
        if let connection {
            sqlite3_close_v2(connection)
            self.connection = nil
        }
    }

    private func openConnection(sql: String?) throws(DatabaseError) -> OpaquePointer {
        guard let connection else {
            throw DatabaseError(resultCode: SQLITE_MISUSE, message: "the database is closed", sql: sql)
        }
        return connection
    }

    // MARK: Statements

    /// Runs one or more `;`-separated statements without bindings, each prepared and stepped to the end
    /// in turn. A failure names the statement that failed. Never put values into `sql`: bind them.
    public func execute(_ sql: String) throws(DatabaseError) {
        let connection = try openConnection(sql: sql)
        var failure: DatabaseError?
        sql.withCString { start in
            var cursor: UnsafePointer<CChar>? = start
            while let current = cursor, current.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                var code = sqlite3_prepare_v2(connection, current, -1, &statement, &tail)
                let text = Self.text(from: current, to: tail)
                guard code == SQLITE_OK else {
                    failure = DatabaseError.lastError(of: connection, sql: text)
                    return
                }
                cursor = tail
                // A comment or whitespace alone prepares to no statement.
                guard let statement else {
                    continue
                }
                repeat {
                    code = sqlite3_step(statement)
                } while code == SQLITE_ROW
                if code != SQLITE_DONE {
                    failure = DatabaseError.error(code: code, connection: connection, sql: text)
                }
                sqlite3_finalize(statement)
                if failure != nil {
                    return
                }
            }
        }
        if let failure {
            throw failure
        }
    }

    /// The SQL text between `start` and `end` (or the end of the C string), trimmed.
    private static func text(from start: UnsafePointer<CChar>, to end: UnsafePointer<CChar>?) -> String {
        let count = end.map { $0 - start } ?? strlen(start)
        let bytes = UnsafeRawBufferPointer(start: start, count: count)
        let text = String(decoding: bytes, as: UTF8.self)
        return text.trimmingASCIIWhitespace()
    }

    /// Prepares one statement (`sqlite3_prepare_v3`, `SQLITE_PREPARE_PERSISTENT`) for the caller to keep
    /// and reuse. Throws when `sql` holds no statement or more than one.
    public func prepare(_ sql: String) throws(DatabaseError) -> Statement {
        let connection = try openConnection(sql: sql)
        var statement: OpaquePointer?
        var code: Int32 = SQLITE_OK
        var hasMore = false
        sql.withCString { start in
            var tail: UnsafePointer<CChar>?
            code = sqlite3_prepare_v3(connection, start, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            guard code == SQLITE_OK, statement != nil, let tail, tail.pointee != 0 else {
                return
            }
            // Only comments, spaces and semicolons may follow: they prepare to no statement.
            var next: OpaquePointer?
            if sqlite3_prepare_v2(connection, tail, -1, &next, nil) != SQLITE_OK || next != nil {
                hasMore = true
            }
            sqlite3_finalize(next)
        }
        guard code == SQLITE_OK else {
            throw DatabaseError.lastError(of: connection, sql: sql)
        }
        guard let statement else {
            throw DatabaseError(resultCode: SQLITE_MISUSE, message: "no SQL statement to prepare", sql: sql)
        }
        let result = Statement(handle: statement, sql: sql)
        if hasMore {
            throw DatabaseError(resultCode: SQLITE_MISUSE, message: "prepare takes a single SQL statement", sql: sql)
        }
        return result
    }

    /// A statement prepared once per SQL text and kept by the connection; every call resets it and
    /// clears its bindings before handing it out. Use it for fixed SQL run many times.
    public func cachedStatement(_ sql: String) throws(DatabaseError) -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try prepare(sql)
        statementCache[sql] = statement
        return statement
    }

    /// The first column of the first row of `sql`, as an integer; `nil` when there is no row or it is NULL.
    /// For PRAGMAs and counts.
    public func scalarInt(_ sql: String) throws(DatabaseError) -> Int64? {
        let statement = try prepare(sql)
        defer { statement.reset() }
        return try statement.step() ? statement.columnInt(0) : nil
    }

    /// The first column of the first row of `sql`, as text; `nil` when there is no row or it is NULL.
    public func scalarString(_ sql: String) throws(DatabaseError) -> String? {
        let statement = try prepare(sql)
        defer { statement.reset() }
        return try statement.step() ? statement.columnString(0) : nil
    }

    // MARK: Transactions

    /// Whether a transaction is open (`sqlite3_get_autocommit` is 0).
    public var isInsideTransaction: Bool {
        guard let connection else {
            return false
        }
        return sqlite3_get_autocommit(connection) == 0
    }

    /// Runs `body` in a transaction begun with `kind`, then commits or rolls back as it returns.
    ///
    /// When `body` throws, the transaction is rolled back and that error rethrown. When `COMMIT` fails
    /// (disk full, for example), the transaction is rolled back and the commit's error thrown.
    /// Transactions do not nest: inside one, use `inSavepoint(_:)`.
    public func inTransaction(_ kind: TransactionKind = .immediate, _ body: () throws -> TransactionCompletion) throws {
        switch kind {
        case .deferred: try execute("BEGIN DEFERRED TRANSACTION")
        case .immediate: try execute("BEGIN IMMEDIATE TRANSACTION")
        case .exclusive: try execute("BEGIN EXCLUSIVE TRANSACTION")
        }
        let completion: TransactionCompletion
        do {
            completion = try body()
        } catch {
            rollbackIgnoringErrors()
            throw error
        }
        switch completion {
        case .commit:
            do {
                try execute("COMMIT TRANSACTION")
            } catch {
                rollbackIgnoringErrors()
                throw error
            }
        case .rollback:
            try execute("ROLLBACK TRANSACTION")
        }
    }

    /// Rolls back the open transaction, if SQLite has not already done so (after some errors it has).
    private func rollbackIgnoringErrors() {
        if isInsideTransaction {
            try? execute("ROLLBACK TRANSACTION")
        }
    }

    /// Runs `body` in a savepoint, so that its changes can be undone without ending the enclosing
    /// transaction; savepoints nest. Outside a transaction this is `inTransaction(.immediate, body)`.
    ///
    /// When `body` throws, its changes are rolled back and the error rethrown; the enclosing
    /// transaction goes on.
    public func inSavepoint(_ body: () throws -> TransactionCompletion) throws {
        guard isInsideTransaction else {
            return try inTransaction(.immediate, body)
        }
        // One name for every level: RELEASE and ROLLBACK TO act on the innermost savepoint of that name.
        try execute("SAVEPOINT absher")
        let completion: TransactionCompletion
        do {
            completion = try body()
        } catch {
            if isInsideTransaction {
                try? execute("ROLLBACK TO SAVEPOINT absher; RELEASE SAVEPOINT absher")
            }
            throw error
        }
        switch completion {
        case .commit:
            try execute("RELEASE SAVEPOINT absher")
        case .rollback:
            try execute("ROLLBACK TO SAVEPOINT absher; RELEASE SAVEPOINT absher")
        }
    }

    // MARK: Results of the last statement

    /// The rowid of the last successful INSERT on this connection (`sqlite3_last_insert_rowid`).
    public var lastInsertedRowID: Int64 {
        guard let connection else {
            return 0
        }
        return sqlite3_last_insert_rowid(connection)
    }

    /// The rows changed by the last INSERT, UPDATE or DELETE (`sqlite3_changes64`).
    public var changesCount: Int {
        guard let connection else {
            return 0
        }
        return Int(sqlite3_changes64(connection))
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and line ends (no Foundation needed).
    fileprivate func trimmingASCIIWhitespace() -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
            let last = bytes.lastIndex(where: { !isSpace($0) })
        else {
            return ""
        }
        return String(self[first...last])
    }
}
