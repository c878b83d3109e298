import CLibPQ

extension PostgresConnection {
    /// Takes the transaction-level advisory lock `key` (`pg_advisory_xact_lock`), waiting at most
    /// `timeoutMilliseconds` for another session to free it. The lock is held until the transaction ends
    /// (commit or rollback) or the session does: a killed process, a cut connection or a server restart
    /// frees it, with nothing to clean up.
    ///
    /// The wait is the server's own: `lock_timeout` is set for the transaction (`set_config(…, true)`) to
    /// the timeout, then put back once the lock is held; a timeout of 0 tries once
    /// (`pg_try_advisory_xact_lock`).
    ///
    /// - Throws: a `PostgresError` of kind `lockNotAvailable` (`isLocked`, SQLSTATE 55P03) when another
    ///   session still holds the lock; the transaction has then failed (as after any error) and must roll
    ///   back, which `inTransaction` does. A `misuse` outside a transaction, where the lock would be freed
    ///   at once.
    public func lockAdvisoryTransactionLock(_ key: Int64, timeoutMilliseconds: Int) throws(PostgresError) {
        let sql = "SELECT pg_advisory_xact_lock($1::bigint)"
        guard isInsideTransaction else {
            throw PostgresError.misuse("a transaction-level advisory lock needs an open transaction", sql: sql)
        }
        guard timeoutMilliseconds > 0 else {
            if try !tryAdvisoryTransactionLock(key) {
                throw Self.lockedError(key: key, timeoutMilliseconds: 0, sql: sql)
            }
            return
        }
        let previous = try scalarString("SELECT current_setting('lock_timeout')") ?? "0"
        try execute("SELECT set_config('lock_timeout', $1, true)", parameters: ["\(timeoutMilliseconds)ms"])
        do {
            try execute(sql, parameters: [key])
        } catch  where error.kind == .lockNotAvailable {
            throw Self.lockedError(key: key, timeoutMilliseconds: timeoutMilliseconds, sql: sql)
        }
        try execute("SELECT set_config('lock_timeout', $1, true)", parameters: [previous])
    }

    /// Tries once to take the transaction-level advisory lock `key` (`pg_try_advisory_xact_lock`):
    /// `false` when another session holds it. Needs an open transaction.
    public func tryAdvisoryTransactionLock(_ key: Int64) throws(PostgresError) -> Bool {
        let sql = "SELECT pg_try_advisory_xact_lock($1::bigint)"
        guard isInsideTransaction else {
            throw PostgresError.misuse("a transaction-level advisory lock needs an open transaction", sql: sql)
        }
        let result = try execute(sql, parameters: [key])
        return try result.bool(row: 0, column: 0) == true
    }

    /// A stable 64-bit advisory lock key for `name` (FNV-1a of its UTF-8 bytes), the same in every process
    /// and build, unlike `Hasher`.
    public static func advisoryLockKey(_ name: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    private static func lockedError(key: Int64, timeoutMilliseconds: Int, sql: String) -> PostgresError {
        PostgresError(
            kind: .lockNotAvailable,
            sqlState: "55P03",
            message: "advisory lock \(key) is held by another session (waited \(timeoutMilliseconds) ms)",
            sql: sql
        )
    }
}

extension PostgresConnection {
    /// Takes the session-level advisory lock `key` (`pg_advisory_lock`) outside any transaction, waiting at
    /// most `timeoutMilliseconds` (the server's `lock_timeout`); a timeout of 0 tries once
    /// (`pg_try_advisory_lock`). Held until `unlockAdvisorySessionLock` or the end of the session (a killed
    /// process or a cut connection frees it).
    ///
    /// For a transaction whose snapshot must come after the wait (REPEATABLE READ takes its snapshot at its
    /// first statement, which would be the wait itself): wait here, begin the transaction, take the same key
    /// with `lockAdvisoryTransactionLock` (at once: the session holds it), then unlock the session level.
    ///
    /// - Throws: a `PostgresError` of kind `lockNotAvailable` when another session still holds the lock; a
    ///   `misuse` inside a transaction.
    public func lockAdvisorySessionLock(_ key: Int64, timeoutMilliseconds: Int) throws(PostgresError) {
        let sql = "SELECT pg_advisory_lock($1::bigint)"
        guard !isInsideTransaction else {
            throw PostgresError.misuse("a session-level advisory lock is taken outside a transaction", sql: sql)
        }
        guard timeoutMilliseconds > 0 else {
            let result = try execute("SELECT pg_try_advisory_lock($1::bigint)", parameters: [key])
            if try result.bool(row: 0, column: 0) != true {
                throw Self.lockedError(key: key, timeoutMilliseconds: 0, sql: sql)
            }
            return
        }
        try execute("SELECT set_config('lock_timeout', $1, false)", parameters: ["\(timeoutMilliseconds)ms"])
        defer { _ = try? execute("RESET lock_timeout") }
        do {
            try execute(sql, parameters: [key])
        } catch  where error.kind == .lockNotAvailable {
            throw Self.lockedError(key: key, timeoutMilliseconds: timeoutMilliseconds, sql: sql)
        }
    }

    /// Frees the session-level advisory lock `key` (`pg_advisory_unlock`); a transaction-level hold of the
    /// same key stays until its transaction ends.
    public func unlockAdvisorySessionLock(_ key: Int64) throws(PostgresError) {
        try execute("SELECT pg_advisory_unlock($1::bigint)", parameters: [key])
    }
}
