import AbsherSchema
import AbsherStore

/// Read-only connections to a store file: each sees the last commit (WAL readers never wait for the writer).
package struct SQLiteSnapshotSource: StoreSnapshotSource {
    package let path: String

    package func open() throws -> any StoreSnapshot { try SQLiteSnapshot(path: path) }
}
