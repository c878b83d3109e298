import AbsherSchema
import AbsherStore

/// Read-only connections to a store file: each sees the last commit (WAL readers never wait for the writer).
package struct SQLiteSnapshotSource: StoreSnapshotSource {
    package let path: String
    /// The run's log of the stored IDs its passes skipped (`RecordStore.invalidStoredIDs`).
    package var invalidIDs = InvalidIDLog()

    package func open() throws -> any StoreSnapshot { try SQLiteSnapshot(path: path, invalidIDs: invalidIDs) }
}

/// One read-only connection and the records it reads.
package final class SQLiteSnapshot: StoreSnapshot {
    private let database: Database
    private let store: RecordStore

    package init(path: String, invalidIDs: InvalidIDLog = InvalidIDLog()) throws {
        database = try Database(path: path, readOnly: true)
        store = RecordStore(database: database, invalidIDs: invalidIDs)
    }

    package func forEachStored(
        _ kind: RecordKind, _ body: (_ id: UInt64, _ active: Bool, _ hash: UInt64) throws -> Void
    ) throws {
        try store.forEachStored(kind, body)
    }

    package func close() { database.close() }
}
