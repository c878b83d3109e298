import Foundation
import Testing

/// The store engines a test runs against, as a test argument: SQLite always (when the `sqlite3` shell the
/// fingerprints use is there), PostgreSQL when a server is configured or `CI` requires one (then a missing
/// server fails the test instead of skipping it).
enum TestEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgresql

    /// The engines the suites run against on this machine.
    static var available: [TestEngine] {
        (StoreFingerprint.sqliteShellExists ? [.sqlite] : []) + (PostgresTestDatabase.shouldRun ? [.postgresql] : [])
    }

    var testDescription: String { rawValue }

    /// A new, empty store: a path in `folder` (the file does not exist yet), or a fresh database.
    func emptyStore(in folder: TemporaryFolder) throws -> any StoreUnderTest {
        switch self {
        case .sqlite: SQLiteStoreUnderTest(location: folder.path + "/store-\(UUID().uuidString.prefix(8)).sqlite")
        case .postgresql: try PostgresTestDatabase()
        }
    }
}
