import AbsherSQLite
import AbsherStore

/// Picks the store's engine from `--store`: today every value is a SQLite file's path.
enum StoreEngines {
    static func open(_ store: String, lockTimeoutSeconds: Double) throws -> any StoreEngine {
        try SQLiteStoreEngine(path: store, lockTimeoutSeconds: lockTimeoutSeconds)
    }
}
