import AbsherStore
import Foundation
import PostgresClient

/// The PostgreSQL engine of the store: the tables of `PostgresStoreSchema` in the database a libpq
/// connection string names, one transaction per run.
///
/// **Isolation: REPEATABLE READ.** A run reads the store (the rules' questions, the comparison of its rows
/// with the stored ones, the sponsors active residents name) and writes from what it read, so everything it
/// reads must come from one snapshot: REPEATABLE READ gives the transaction one snapshot, taken at its first
/// statement. SERIALIZABLE would add nothing here: every writer is a run, and runs are serialised by the run
/// lock, so there is no write skew to detect; it would only track predicate locks over millions of rows read
/// and could fail readers' or the run's commit with serialization errors. Readers (`lookup`, `runs`,
/// `export`, other services) see the last commit before the run until the run commits: PostgreSQL's MVCC
/// never shows them uncommitted rows.
///
/// **Run lock.** A transaction-level advisory lock (`pg_advisory_xact_lock` on a key made from
/// `absher-import run`), freed by the commit, the rollback, or the end of the session (a killed run, a cut
/// connection). The snapshot must be taken after the wait, not before it (else a run that waited for another
/// would read the state before the other's commit): so the run first waits for the lock at session level,
/// outside any transaction, for up to `--lock-timeout` (`lock_timeout`), then begins the transaction, takes
/// the transaction-level lock (at once: the session holds the key) with its first statement, and frees the
/// session-level hold. A lock still held after the timeout is SQLSTATE 55P03, the exit 75.
package final class PostgresStoreEngine: StoreEngine {
    package let connectionString: PostgresConnectionString
    private let connection: PostgresConnection
    private let lockTimeoutMilliseconds: Int

    /// The key of the run lock.
    package static let runLockKey = PostgresConnection.advisoryLockKey("absher-import run")

    /// Connects to the server and migrates the store (creating its tables on first use).
    ///
    /// - Throws: `PostgresError` (cannot connect, login refused: `failure` is `.unavailable`),
    ///   `PostgresStoreError` (a newer build's store).
    package init(connectionString: String, lockTimeoutSeconds: Double) throws {
        self.connectionString = PostgresConnectionString(connectionString)
        lockTimeoutMilliseconds = Int(min(max(lockTimeoutSeconds, 0) * 1000, 2e9))
        connection = try PostgresConnection(self.connectionString)
        do {
            try PostgresMigrations.migrate(connection)
        } catch {
            connection.close()
            throw error
        }
    }

    package func inRunTransaction(_ body: (any RunStore) throws -> TransactionCompletion) throws {
        try connection.lockAdvisorySessionLock(Self.runLockKey, timeoutMilliseconds: lockTimeoutMilliseconds)
        defer { if connection.isConnected { _ = try? connection.unlockAdvisorySessionLock(Self.runLockKey) } }
        try connection.inTransaction(.repeatableRead) {
            try connection.lockAdvisoryTransactionLock(Self.runLockKey, timeoutMilliseconds: 0)
            try connection.unlockAdvisorySessionLock(Self.runLockKey)
            let store = PostgresRecordStore(connection: connection, connectionString: connectionString)
            switch try body(store) {
            case .commit:
                try store.swapFirstLoadTables()
                return .commit
            case .rollback: return .rollback
            }
        }
    }

    /// Nothing to fold: a PostgreSQL commit is in the server's WAL, which the server checkpoints itself.
    package var checkpointer: any StoreCheckpointer { PostgresCheckpointer() }

    package func close() { connection.close() }
}
