import AbsherSchema
import AbsherStore
import Foundation
import PostgresClient

/// One read-only connection inside one REPEATABLE READ READ ONLY transaction: every read sees one commit.
package final class PostgresSnapshot: StoreSnapshot {
    private let connection: PostgresConnection

    package init(connectionString: PostgresConnectionString) throws {
        connection = try PostgresConnection(connectionString, readOnly: true)
        try connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    }

    package func forEachStored(
        _ kind: RecordKind, _ body: (_ id: UInt64, _ active: Bool, _ hash: UInt64) throws -> Void
    ) throws {
        try PostgresRecordStore.forEachStored(kind, on: connection, body)
    }

    package func close() {
        _ = try? connection.execute("ROLLBACK")
        connection.close()
    }
}
