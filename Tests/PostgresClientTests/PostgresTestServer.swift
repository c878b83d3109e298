import Foundation
import Testing

@testable import PostgresClient

/// The PostgreSQL server the tests run against: `ABSHER_TEST_POSTGRES_URI`, set by
/// `Scripts/test-postgres run` (which `.ci/run` uses). Without it the server suites are skipped, except
/// with `CI` set, where they run and fail: CI must never pass without a server.
enum PostgresTestServer {
    static let uriVariable = "ABSHER_TEST_POSTGRES_URI"

    /// The server's URI (socket, superuser), `nil` when the variable is unset or empty.
    static var uri: String? {
        guard let value = ProcessInfo.processInfo.environment[uriVariable], !value.isEmpty else {
            return nil
        }
        return value
    }

    /// Whether `CI` is set: then a missing server is a failure.
    static var isRequired: Bool {
        !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    }

    /// Whether the server suites run: a server is configured, or CI requires one.
    static var shouldRun: Bool { uri != nil || isRequired }

    /// Why the server suites are skipped.
    static let skipReason: Comment = "set ABSHER_TEST_POSTGRES_URI, e.g. Scripts/test-postgres run swift test"

    struct MissingServer: Error, CustomStringConvertible {
        var description: String {
            "CI is set but \(PostgresTestServer.uriVariable) is not: run the tests through Scripts/test-postgres run"
        }
    }

    /// A new connection to the test server.
    static func connect(readOnly: Bool = false) throws -> PostgresConnection {
        guard let uri else {
            throw MissingServer()
        }
        return try PostgresConnection(uri, readOnly: readOnly)
    }

    /// The empty 1 MiB tmpfs of `Scripts/test-postgres` (as root), for a tablespace that fills up.
    static var fullDiskFolder: String? {
        ProcessInfo.processInfo.environment["ABSHER_TEST_POSTGRES_FULL_DISK_DIR"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A name no other test uses, for tables, roles and tablespaces shared across sessions.
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix)_\(UInt32.random(in: 0...UInt32.max))_\(getpid())"
    }

    /// A random advisory lock key, so that tests running in parallel never share one.
    static func uniqueLockKey() -> Int64 {
        Int64.random(in: 1...Int64.max)
    }
}
