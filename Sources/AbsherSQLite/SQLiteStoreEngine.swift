import AbsherStore
import CSQLite
import Foundation

/// The SQLite engine of the store: one database file, WAL, one `BEGIN IMMEDIATE` transaction per run (the
/// write lock is the run lock; `--lock-timeout` is SQLite's busy timeout).
package final class SQLiteStoreEngine: StoreEngine {
    /// SQLite's page cache during a run, in KiB.
    package static let pageCacheKiB = 8_192
    package let path: String
    private let database: Database

    /// Opens the store at `path`, creating and migrating it on first use.
    package init(path: String, lockTimeoutSeconds: Double) throws {
        self.path = path
        database = try Database(
            path: path, busyTimeoutMilliseconds: Int32(min(lockTimeoutSeconds * 1000, 2e9)),
            identity: { database throws(DatabaseError) in try StoreIdentity.check(database, path: path) })
        do {
            try Migrations.migrate(database)
            // A larger page cache keeps the B-trees' upper levels in memory during the merge of millions
            // of rows (measured in BENCHMARKS.md); it is memory, not durability.
            try database.execute("PRAGMA cache_size = -\(Self.pageCacheKiB)")
            // Sorting for the key-ordered insert and the index builds of a bulk load may use the second core.
            try database.execute("PRAGMA threads = 2")
            // The WAL is copied into the store file once, after the commit, while the reports are written,
            // not by the commit itself.
            try database.execute("PRAGMA wal_autocheckpoint = 0")
        } catch {
            database.close()
            throw error
        }
    }

    package func inRunTransaction(_ body: (any RunStore) throws -> TransactionCompletion) throws {
        try database.inTransaction(.immediate) { try body(RecordStore(database: database)) }
    }

    package var checkpointer: any StoreCheckpointer { SQLiteCheckpointer(path: path) }

    package func close() { database.close() }
}
