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
