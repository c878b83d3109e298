import AbsherImport
import AbsherSQLite
import AbsherStore
import Foundation
import PostgresClient
import Testing

/// A fresh store of one engine for the store tests, which run against both engines as one parameterised
/// suite: a SQLite file in a temp folder, or a database of its own on the test server
/// (`ABSHER_TEST_POSTGRES_URI`, set by `Scripts/test-postgres run`), dropped when the value goes away.
/// `location` is what `--store` and `RunOptions.storePath` take. Raw SQL (`execute`, `scalarInt`) is only for
/// a test's setup, in SQL both engines read.
final class EngineStore {
    /// The engines the store tests run against: SQLite, and PostgreSQL when a server is configured or `CI`
    /// is set (then a missing server fails the tests that need it, never skips them).
    enum Engine: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case sqlite
        case postgresql

        static var available: [Engine] {
            let environment = ProcessInfo.processInfo.environment
            let server = !(environment[EngineStore.serverVariable] ?? "").isEmpty
            return server || !(environment["CI"] ?? "").isEmpty ? [.sqlite, .postgresql] : [.sqlite]
        }

        var testDescription: String { rawValue }
    }

    struct MissingServer: Error, CustomStringConvertible {
        var description: String {
            "CI is set but \(EngineStore.serverVariable) is not: run the tests through Scripts/test-postgres run"
        }
    }

    static let serverVariable = "ABSHER_TEST_POSTGRES_URI"

    let engine: Engine
    let location: String
    private let folder: TempFolder
    private let server: String?
    private let database: String?

    /// An empty store: nothing is created until a run or `migrate()` creates it.
    init(_ engine: Engine) throws {
        self.engine = engine
        folder = TempFolder("engine-store")
        switch engine {
        case .sqlite:
            location = folder.url("absher.sqlite")
            server = nil
            database = nil
        case .postgresql:
            guard let uri = ProcessInfo.processInfo.environment[Self.serverVariable], !uri.isEmpty else {
                throw MissingServer()
            }
            let name = "absher_store_\(UInt32.random(in: 0...UInt32.max))_\(getpid())"
            let admin = try PostgresConnection(uri)
            defer { admin.close() }
            try admin.execute("CREATE DATABASE \(name) TEMPLATE template0")
            server = uri
            database = name
            location = Self.uri(uri, database: name)
        }
    }

    deinit {
        guard let server, let database, let admin = try? PostgresConnection(server) else { return }
        _ = try? admin.execute("DROP DATABASE IF EXISTS \(database) WITH (FORCE)")
        admin.close()
    }

    /// `uri` (`postgresql:///DB?…`) with its database replaced.
    static func uri(_ uri: String, database: String) -> String {
        guard let range = uri.range(of: ":///"), let query = uri[range.upperBound...].firstIndex(of: "?") else {
            return uri
        }
        return String(uri[..<range.upperBound]) + database + String(uri[query...])
    }

    /// Creates the store's tables, as the first run would.
    func migrate() throws {
        try StoreEngines.open(location, lockTimeoutSeconds: 0).close()
    }

    /// Runs `sql` (one or more statements) on the store.
    func execute(_ sql: String) throws {
        switch engine {
        case .sqlite:
            let database = try Database(path: location)
            defer { database.close() }
            try database.execute(sql)
        case .postgresql:
            let connection = try PostgresConnection(location)
            defer { connection.close() }
            try connection.execute(sql)
        }
    }

    /// The first column of the first row of `sql`.
    func scalarInt(_ sql: String) throws -> Int64? {
        switch engine {
        case .sqlite:
            let database = try Database(path: location)
            defer { database.close() }
            return try database.scalarInt(sql)
        case .postgresql:
            let connection = try PostgresConnection(location)
            defer { connection.close() }
            return try connection.scalarInt(sql)
        }
    }

    /// The run's store in one transaction that commits when `body` returns.
    func inRunTransaction(_ body: (any RunStore) throws -> Void) throws {
        let engine = try StoreEngines.open(location, lockTimeoutSeconds: 0)
        defer { engine.close() }
        try engine.inRunTransaction { store in
            try body(store)
            return .commit
        }
    }

    /// The store opened read-only, as `lookup`, `runs` and `export` open it.
    func reader() throws -> any StoreReader { try StoreEngines.openReader(location) }
}
