import AbsherRules
import AbsherSchema
import AbsherStore
import AbsherSupport
import CSQLite

/// The store's schema history and the code that applies it.
public enum Migrations {
    /// Every migration, in order of version.
    public static let all: [Migration] = [
        Migration(version: 1, sql: StoreSchema.version1),
        Migration(version: 2, sql: StoreSchema.version2),
        Migration(version: 3, sql: StoreSchema.version3),
    ]

    /// The schema version this build knows: the last migration's.
    public static var latestVersion: Int { all.last?.version ?? 0 }

    /// Brings `db` up to `latestVersion`: each missing migration runs in its own `BEGIN IMMEDIATE`
    /// transaction together with its `PRAGMA user_version` update, so a crash leaves a whole version.
    /// The version is read inside the transaction, so two processes migrating at once do not both
    /// apply a step. Running it again does nothing.
    ///
    /// - Throws: `DatabaseError`; with `SQLITE_ERROR` and a message naming both versions when the store
    ///   was made by a newer build (its version is above `latestVersion`).
    public static func migrate(_ db: Database) throws {
        let current = try db.scalarInt("PRAGMA user_version") ?? 0
        guard current <= latestVersion else {
            throw newerStoreError(version: current)
        }
        for migration in all where migration.version > current {
            try db.inTransaction(.immediate) {
                let version = try db.scalarInt("PRAGMA user_version") ?? 0
                guard version < migration.version else {
                    return .commit
                }
                try db.execute(migration.sql)
                try db.execute("PRAGMA user_version = \(migration.version)")
                try db.execute("PRAGMA application_id = \(StoreIdentity.applicationID)")
                return .commit
            }
        }
        // A store made before the id existed gets it now (contract §5.2).
        if try StoreIdentity.needsID(db) {
            try db.inTransaction(.immediate) {
                try db.execute("PRAGMA application_id = \(StoreIdentity.applicationID)")
                return .commit
            }
        }
    }

    private static func newerStoreError(version: Int64) -> DatabaseError {
        DatabaseError(
            resultCode: SQLITE_ERROR,
            message: "the store has schema version \(version), newer than this build's \(latestVersion)",
            sql: "PRAGMA user_version"
        )
    }
}
