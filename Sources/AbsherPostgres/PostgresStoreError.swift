import AbsherStore

/// What the PostgreSQL engine itself finds wrong with a database, before or beside the server's errors.
package enum PostgresStoreError: StoreError, Equatable {
    /// `lookup`, `runs` or `export` on a database that holds no store (no `schema_migrations`).
    case notAStore(String)
    /// The store was migrated by a newer build: its version, and this build's.
    case newerSchema(Int, Int)

    package var failure: StoreFailure { .cannotOpen }

    package var message: String {
        switch self {
        case .notAStore(let target):
            return "the PostgreSQL database (\(target)) is not an absher-import store (it has no schema_migrations)"
        case .newerSchema(let version, let latest):
            return "the store has schema version \(version), newer than this build's \(latest)"
        }
    }

    package var description: String { message }
}
