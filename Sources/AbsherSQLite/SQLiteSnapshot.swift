import AbsherSchema
import AbsherStore

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

    package func forEachStoredPerson(
        _ body: (_ kind: RecordKind, _ id: UInt64, _ active: Bool, _ hash: UInt64) throws -> Void
    ) throws {
        try store.forEachStoredPerson(body)
    }

    package func forEachActiveHash(of kinds: Set<RecordKind>, _ body: (UInt64) throws -> Void) throws {
        try store.forEachActiveHash(of: kinds, body)
    }

    package var knowledge: any StoreKnowledge { store }

    package func close() { database.close() }
}
