import AbsherPostgres
import AbsherSQLite
import AbsherStore
import PostgresClient

/// Picks the store's engine from `--store`: a PostgreSQL connection string (`postgresql://…`,
/// `postgres://…`, or libpq keyword/value text starting with `host=`, `dbname=`, `service=` or `user=`),
/// otherwise the path of a SQLite file.
package enum StoreEngines {
    /// Whether `store` names a PostgreSQL database rather than a SQLite file.
    package static func isPostgres(_ store: String) -> Bool {
        if PostgresConnectionString.isURI(store) { return true }
        return ["host=", "dbname=", "service=", "user="].contains { store.hasPrefix($0) }
    }

    /// `store` as every message, log line and report shows it: a connection string with its passwords
    /// replaced by `***`; a path as it is.
    package static func displayName(_ store: String) -> String {
        isPostgres(store) ? PostgresConnectionString(store).redacted : store
    }

    /// Opens the store for one run. With `buildsAside`, a SQLite store that does not exist yet is built in a
    /// file beside its path and appears there only when the run commits (`FirstLoadFile`).
    package static func open(
        _ store: String, lockTimeoutSeconds: Double, buildsAside: Bool = false
    ) throws -> any StoreEngine {
        if isPostgres(store) {
            return try PostgresStoreEngine(connectionString: store, lockTimeoutSeconds: lockTimeoutSeconds)
        }
        return try SQLiteStoreEngine(path: store, lockTimeoutSeconds: lockTimeoutSeconds, buildsAside: buildsAside)
    }

    /// The schema version of the SQLite store this build creates and migrates to.
    package static var schemaVersion: Int { Migrations.latestVersion }

    /// The schema version of the PostgreSQL store this build creates and migrates to.
    package static var postgresSchemaVersion: Int { PostgresMigrations.latestVersion }

    /// The version of each store engine's client library the process runs with, for `--version`.
    package static var libraryVersions: [(name: String, version: String)] {
        [
            ("SQLite", SQLiteLibrary.version),
            ("libpq", PostgresConnection.versionText(PostgresConnection.libraryVersion)),
        ]
    }

    /// Opens the store read-only for `lookup`, `runs` and `export`; never creates one.
    package static func openReader(_ store: String) throws -> any StoreReader {
        if isPostgres(store) { return try PostgresStoreReader(connectionString: store) }
        return try SQLiteStoreReader(path: store)
    }
}
