/// One canonical store, opened (created and migrated on first use) for a run. SQLite is one engine.
package protocol StoreEngine: AnyObject {
    /// Runs `body` in one transaction that holds the run lock, waiting for it up to the lock timeout the engine
    /// was opened with; commits or rolls back as `body` returns. Throws a `StoreError` whose failure is
    /// `.locked` when another run holds the lock.
    func inRunTransaction(_ body: (any RunStore) throws -> TransactionCompletion) throws
    /// After a commit: what moves the commit's log into the store proper (SQLite's WAL checkpoint), on a
    /// connection of its own, so that it can run on another thread while the reports are written. Nothing is
    /// lost if it fails or is cut short.
    var checkpointer: any StoreCheckpointer { get }
    func close()
}
