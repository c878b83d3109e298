/// One canonical store, opened (created and migrated on first use) for a run. SQLite is one engine.
package protocol StoreEngine: AnyObject {
    /// Runs `body` in one transaction that holds the run lock, waiting for it up to the lock timeout the engine
    /// was opened with; commits or rolls back as `body` returns. Throws a `StoreError` whose failure is
    /// `.locked` when another run holds the lock.
    func inRunTransaction(_ body: (any RunStore) throws -> TransactionCompletion) throws
    /// After a commit: moves what the commit logged into the store proper (SQLite's WAL checkpoint). Nothing
    /// is lost if it fails or is cut short. Called on another thread than the run's, while the reports are
    /// written.
    func checkpoint()
    func close()
}

/// Opens read-only views of a store's last commit; may be used from any thread.
package protocol StoreSnapshotSource: Sendable {
    func open() throws -> any StoreSnapshot
}

/// A read-only view of a store's last commit, confined to the thread that opened it.
package protocol StoreSnapshot: StoredRecords {
    func close()
}
