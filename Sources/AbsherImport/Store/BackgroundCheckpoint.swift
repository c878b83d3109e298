import Dispatch
import Foundation

/// `PRAGMA wal_checkpoint(TRUNCATE)` on a thread of its own: copies the committed pages from the WAL into
/// the database file and empties the WAL, while the caller does work that does not touch the database.
///
/// The connection is not used by two threads at once: its owner hands it over until `wait()` returns.
final class BackgroundCheckpoint: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let database: Database

    init(_ database: Database) {
        self.database = database
        let thread = Thread { [self] in
            _ = try? self.database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Returns once the checkpoint is over; the connection is the caller's again.
    func wait() {
        done.wait()
    }
}
