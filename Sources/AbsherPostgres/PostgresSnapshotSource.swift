import AbsherSchema
import AbsherStore
import PostgresClient

/// Read-only views of the store's last commit, each on a connection of its own (for the comparison on
/// another thread while the run's connection reconciles).
package struct PostgresSnapshotSource: StoreSnapshotSource {
    package let connectionString: PostgresConnectionString

    package func open() throws -> any StoreSnapshot { try PostgresSnapshot(connectionString: connectionString) }
}
