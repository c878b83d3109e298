import AbsherStore
import CSQLite
import Foundation

/// `PRAGMA wal_checkpoint(TRUNCATE)` on a connection of its own: the run's connection stays open and idle
/// meanwhile, so this one is never the last to close (which would checkpoint again).
package struct SQLiteCheckpointer: StoreCheckpointer {
    package let path: String

    package func checkpoint() {
        guard let database = try? Database(path: path) else { return }
        defer { database.close() }
        _ = try? database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }
}
