import AbsherStore
import AbsherSupport
import CSQLite
import Foundation

/// The SQLite engine of the store: one database file, WAL, one `BEGIN IMMEDIATE` transaction per run (the
/// write lock is the run lock; `--lock-timeout` is SQLite's busy timeout).
package final class SQLiteStoreEngine: StoreEngine {
    /// SQLite's page cache during a run, in KiB.
    package static let pageCacheKiB = 8_192
    package let path: String
    private let database: Database
    /// Where the run builds the store when there was none (`buildsAside`); published when the run commits.
    private var firstLoad: FirstLoadFile?

    /// Opens the store at `path`, creating and migrating it on first use.
    ///
    /// With `buildsAside`, a store that does not exist yet is built in a file of its own beside `path`
    /// (`FirstLoadFile`), which becomes the store when the run's transaction commits; until then there is
    /// no store at `path`, and a rollback, a crash or a kill leaves none.
    package init(path: String, lockTimeoutSeconds: Double, buildsAside: Bool = false) throws {
        self.path = path
        firstLoad = buildsAside ? try FirstLoadFile.claim(storePath: path, lockTimeoutSeconds: lockTimeoutSeconds) : nil
        database = try Database(
            path: firstLoad?.path ?? path, busyTimeoutMilliseconds: Int32(min(lockTimeoutSeconds * 1000, 2e9)),
            identity: { database throws(DatabaseError) in try StoreIdentity.check(database, path: path) },
            journal: firstLoad == nil ? .wal : .unsyncedInMemory)
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
        guard let firstLoad else {
            try database.inTransaction(.immediate) { try body(RecordStore(database: database)) }
            return
        }
        // A store built aside: published once committed; discarded otherwise (a rollback, an error), which
        // does nothing to a file already published.
        self.firstLoad = nil
        defer {
            database.close()
            firstLoad.discard()
        }
        var completion = TransactionCompletion.rollback
        try database.inTransaction(.immediate) {
            completion = try body(RecordStore(database: database))
            return completion
        }
        guard completion == .commit else { return }
        try database.switchToWAL()
        database.close()
        try firstLoad.publish()
        PhaseClock.mark("first load: store synced and linked into place")
    }

    package var checkpointer: any StoreCheckpointer { SQLiteCheckpointer(path: path) }

    package func close() {
        database.close()
        firstLoad?.discard()
        firstLoad = nil
    }
}
