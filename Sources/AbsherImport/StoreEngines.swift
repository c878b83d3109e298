import AbsherSQLite
import AbsherStore

/// Picks the store's engine from `--store`: today every value is a SQLite file's path.
package enum StoreEngines {
    package static func open(_ store: String, lockTimeoutSeconds: Double) throws -> any StoreEngine {
        try SQLiteStoreEngine(path: store, lockTimeoutSeconds: lockTimeoutSeconds)
    }

    /// The schema version of the store this build creates and migrates to.
    package static var schemaVersion: Int { Migrations.latestVersion }

    /// The version of each store engine's client library the process runs with, for `--version`.
    package static var libraryVersions: [(name: String, version: String)] { [("SQLite", SQLiteLibrary.version)] }

    /// Opens the store read-only for `lookup`, `runs` and `export`; never creates one.
    package static func openReader(_ store: String) throws -> any StoreReader {
        try SQLiteStoreReader(path: store)
    }
}
