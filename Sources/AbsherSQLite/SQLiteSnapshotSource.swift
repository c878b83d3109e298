import AbsherSchema
import AbsherStore

/// Read-only connections to a store file: each sees the last commit (WAL readers never wait for the writer).
package struct SQLiteSnapshotSource: StoreSnapshotSource {
    package let path: String
    /// The run's log of the stored IDs its passes skipped (`RecordStore.invalidStoredIDs`).
    package var invalidIDs = InvalidIDLog()

    package func open() throws -> any StoreSnapshot { try SQLiteSnapshot(path: path, invalidIDs: invalidIDs) }
}
