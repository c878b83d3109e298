import Foundation
import PostgresClient
import Testing

/// A database of its own on the test server (`ABSHER_TEST_POSTGRES_URI`, set by `Scripts/test-postgres run`),
/// made with `CREATE DATABASE … TEMPLATE template0` and dropped by `drop()`, so that tests running in
/// parallel never share tables or advisory locks (advisory locks are per database). Without a server the
/// suites that use it are skipped, except with `CI` set, where they run and fail.
struct PostgresTestDatabase {
    static let uriVariable = "ABSHER_TEST_POSTGRES_URI"

    static var serverURI: String? {
        guard let value = ProcessInfo.processInfo.environment[uriVariable], !value.isEmpty else { return nil }
        return value
    }

    /// Whether the suites run: a server is configured, or `CI` requires one.
    static var shouldRun: Bool {
        serverURI != nil || !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    }

    static let skipReason: Comment = "set ABSHER_TEST_POSTGRES_URI, e.g. Scripts/test-postgres run swift test"

    struct MissingServer: Error, CustomStringConvertible {
        var description: String {
            "CI is set but \(uriVariable) is not: run the tests through Scripts/test-postgres run"
        }
    }

    /// The server's URI (`postgresql:///postgres?host=…&port=…&user=postgres`).
    let server: String
    let name: String

    /// The URI of this database.
    var uri: String { Self.uri(server, database: name) }

    /// Makes a fresh database on the test server (or on `server`, a second throwaway one).
    init(server: String? = nil) throws {
        guard let base = server ?? Self.serverURI else { throw MissingServer() }
        try self.init(server: base, template: "template0")
    }

    /// A new database on the same server holding what `other` holds now (`CREATE DATABASE … TEMPLATE`:
    /// nobody may be connected to `other` meanwhile).
    init(copying other: PostgresTestDatabase) throws {
        try self.init(server: other.server, template: other.name)
    }

    private init(server: String, template: String) throws {
        self.server = server
        name = "absher_test_\(UInt32.random(in: 0...UInt32.max))_\(getpid())"
        let admin = try PostgresConnection(server)
        defer { admin.close() }
        try admin.execute("CREATE DATABASE \(name) TEMPLATE \(template)")
    }

    /// `uri` with its database (the path of `postgresql:///DB?…`) replaced by `database`.
    static func uri(_ uri: String, database: String) -> String {
        guard let range = uri.range(of: ":///"), let query = uri[range.upperBound...].firstIndex(of: "?") else {
            return uri
        }
        return String(uri[..<range.upperBound]) + database + String(uri[query...])
    }

    /// `host` and `port` of the server URI's query.
    var socketFolder: String { Self.queryValue("host", in: server) ?? "" }
    var port: String { Self.queryValue("port", in: server) ?? "" }

    static func queryValue(_ key: String, in uri: String) -> String? {
        guard let query = uri.split(separator: "?", maxSplits: 1).last else { return nil }
        for pair in query.split(separator: "&") where pair.hasPrefix(key + "=") {
            return String(pair.dropFirst(key.count + 1))
        }
        return nil
    }

    /// A new connection to this database.
    func connect(readOnly: Bool = false) throws -> PostgresConnection {
        try PostgresConnection(uri, readOnly: readOnly)
    }

    /// One text per row of `sql` on this database, its columns joined by tabs.
    func rows(_ sql: String) throws -> [String] {
        let connection = try connect()
        defer { connection.close() }
        return try connection.execute(sql).rows.map { row in
            (0..<row.columnCount).map { row.string($0) ?? "NULL" }.joined(separator: "\t")
        }
    }

    /// The store's state without surrogate keys and wall-clock times (sequence values are not rolled back,
    /// so a killed run moves `runs.id` and `changes.id` on): records, history and run counts in key order.
    func tableFingerprint(recordsOnly: Bool = false) throws -> String {
        // A run ID as the run's rank, not its surrogate value.
        func rank(_ column: String) -> String { "(SELECT count(*) FROM runs r WHERE r.id <= \(column))" }
        var parts = try ["people", "sponsors"].map { table in
            try rows(
                "SELECT (to_jsonb(t) - 'first_run_id' - 'last_changed_run_id')::text, \(rank("t.first_run_id")), "
                    + "\(rank("t.last_changed_run_id")) FROM \(table) t ORDER BY id")
        }
        if !recordsOnly {
            parts += [
                try rows(
                    """
                    SELECT run_date, mode, status, exit_code, rows_read, rows_accepted, rows_rejected, warnings
                    FROM runs ORDER BY id
                    """),
                try rows(
                    """
                    SELECT r.run_date, f.kind, f.path, f.sha256, f.rows, f.accepted, f.rejected, f.warnings
                    FROM run_files f JOIN runs r ON r.id = f.run_id ORDER BY r.id, f.path
                    """),
                try rows(
                    """
                    SELECT \(rank("c.run_id")), c.category, c.name, c.count FROM run_counts c
                    ORDER BY c.run_id, c.category, c.name
                    """),
                try rows(
                    """
                    SELECT \(rank("c.run_id")), c.record_id, c.record_kind, c.change, c.field, c.old_value,
                        c.new_value FROM changes c ORDER BY c.id
                    """),
            ]
        }
        // The indexes: a run must never leave one dropped.
        parts.append(try rows("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname"))
        return parts.map { $0.joined(separator: "\n") }.joined(separator: "\n--\n")
    }

    func drop() {
        guard let admin = try? PostgresConnection(server) else { return }
        defer { admin.close() }
        _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}
