import CLibPQ

extension PostgresConnection {
    /// The isolation level a transaction begins with (`BEGIN ISOLATION LEVEL …`).
    public enum IsolationLevel: String, Sendable {
        case readCommitted = "READ COMMITTED"
        case repeatableRead = "REPEATABLE READ"
        case serializable = "SERIALIZABLE"
    }

    /// What a transaction body asks for: keep its changes or undo them.
    public enum TransactionCompletion: Sendable {
        case commit, rollback
    }

    /// Runs `body` in a transaction begun with `BEGIN ISOLATION LEVEL isolation` (and `READ ONLY` when
    /// `readOnly`), then commits or rolls back as it returns.
    ///
    /// When `body` throws, the transaction is rolled back and that first error rethrown (a failing
    /// rollback, on a lost connection say, is ignored: the server rolls back a session that ends). When
    /// the body asks to commit a transaction that an error it caught has already failed, PostgreSQL would
    /// answer `COMMIT` with `ROLLBACK`; this throws instead. When `COMMIT` fails (a serialization failure,
    /// a deferred constraint, a lost connection), its error is thrown and nothing is committed.
    /// Transactions do not nest.
    public func inTransaction(
        _ isolation: IsolationLevel = .serializable,
        readOnly: Bool = false,
        _ body: () throws -> TransactionCompletion
    ) throws {
        guard !isInsideTransaction else {
            throw PostgresError.misuse("a transaction is already open: transactions do not nest")
        }
        // No READ WRITE otherwise: a read-only connection's default (`default_transaction_read_only`) stands.
        try execute("BEGIN ISOLATION LEVEL \(isolation.rawValue)\(readOnly ? " READ ONLY" : "")")
        let completion: TransactionCompletion
        do {
            completion = try body()
        } catch {
            rollbackIgnoringErrors()
            throw error
        }
        switch completion {
        case .commit:
            try commit()
        case .rollback:
            try execute("ROLLBACK")
        }
    }

    /// `COMMIT`, checked to have committed.
    private func commit() throws(PostgresError) {
        if isTransactionFailed {
            rollbackIgnoringErrors()
            throw PostgresError(
                kind: .misuse,
                message: "the transaction failed on an earlier error and was rolled back, not committed",
                sql: "COMMIT"
            )
        }
        let result = try execute("COMMIT")
        guard result.commandStatus == "COMMIT" else {
            throw PostgresError(
                kind: .other,
                message: "the server answered COMMIT with \(result.commandStatus): nothing was committed",
                sql: "COMMIT"
            )
        }
    }

    /// Rolls back the open transaction, if any; errors are ignored.
    func rollbackIgnoringErrors() {
        guard isConnected, isInsideTransaction, let handle else {
            return
        }
        PQclear(PQexec(handle, "ROLLBACK"))
    }
}
