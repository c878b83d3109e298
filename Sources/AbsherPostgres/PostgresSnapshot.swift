import AbsherSchema
import AbsherStore
import Foundation
import PostgresClient

/// One read-only connection inside one REPEATABLE READ READ ONLY transaction: every read sees one commit.
package final class PostgresSnapshot: StoreSnapshot {
    private let connection: PostgresConnection
    /// The run's queries of what the store knows, on this view's connection and inside its transaction.
    private let reader: PostgresRecordStore

    package init(connectionString: PostgresConnectionString) throws {
        connection = try PostgresConnection(connectionString, readOnly: true)
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        reader = PostgresRecordStore(connection: connection, connectionString: connectionString)
    }

    package var knowledge: any StoreKnowledge { reader }

    package func forEachStored(
        _ kind: RecordKind, _ body: (_ id: UInt64, _ active: Bool, _ hash: UInt64) throws -> Void
    ) throws {
        try PostgresRecordStore.forEachStored(kind, on: connection, body)
    }

    package func forEachStoredPerson(
        _ body: (_ kind: RecordKind, _ id: UInt64, _ active: Bool, _ hash: UInt64) throws -> Void
    ) throws {
        try PostgresRecordStore.forEachStoredPerson(on: connection, body)
    }

    package func close() {
        _ = try? connection.execute("ROLLBACK")
        connection.close()
    }
}
