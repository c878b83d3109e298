import PostgresClient

/// The PostgreSQL store's schema history and the code that applies it. Each applied version is a row of
/// `schema_migrations` (a table of its own, so that `psql` shows what was applied and when).
package enum PostgresMigrations {
    /// Every migration, `(version, sql)`, in order of version.
    package static let all: [(version: Int, sql: String)] = [
        (1, PostgresStoreSchema.version1), (2, PostgresStoreSchema.version2),
    ]

    /// The schema version this build knows: the last migration's.
    package static var latestVersion: Int { all.last?.version ?? 0 }

    /// The advisory lock two processes migrating one database at once take in turn.
    static let lockKey = PostgresConnection.advisoryLockKey("absher-import migrate")

    /// Brings the database up to `latestVersion` in one transaction, under an advisory lock of its own,
    /// reading the version inside it: a crash leaves the old version, two processes never apply a step
    /// twice. Running it again does nothing.
    ///
    /// - Throws: `PostgresError`; `PostgresStoreError.newerSchema` when a newer build made the store.
    package static func migrate(_ connection: PostgresConnection) throws {
        if let version = try currentVersion(connection), version == latestVersion { return }
        try connection.inTransaction(.readCommitted) {
            try connection.execute("SELECT pg_advisory_xact_lock($1::bigint)", parameters: [lockKey])
            try connection.execute(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    integer PRIMARY KEY,  -- a schema version this store was migrated to
                    applied_at text NOT NULL         -- ISO 8601 UTC, when
                )
                """)
            let current = try currentVersion(connection) ?? 0
            guard current <= latestVersion else { throw PostgresStoreError.newerSchema(current, latestVersion) }
            for migration in all where migration.version > current {
                try connection.execute(migration.sql)
                try connection.execute(
                    """
                    INSERT INTO schema_migrations (version, applied_at)
                    VALUES ($1::integer, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                    """, parameters: [migration.version])
            }
            return .commit
        }
    }

    /// The highest version in `schema_migrations`, nil when the table does not exist (not a store yet).
    package static func currentVersion(_ connection: PostgresConnection) throws -> Int? {
        let table = try connection.scalarString("SELECT to_regclass('schema_migrations')::text")
        guard table != nil else { return nil }
        return try connection.scalarInt("SELECT coalesce(max(version), 0) FROM schema_migrations").map { Int($0) }
    }
}
