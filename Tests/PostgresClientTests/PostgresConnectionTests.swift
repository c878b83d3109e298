import Testing

@testable import PostgresClient

@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresConnectionTests {
    @Test func connectsAndReportsVersions() throws {
        let connection = try PostgresTestServer.connect()
        #expect(connection.isConnected)
        #expect(try connection.scalarInt("SELECT 1 + 1") == 2)
        #expect(connection.serverVersion >= 100_000)
        #expect(PostgresConnection.libraryVersion >= 100_000)
        let major = try connection.scalarString("SELECT current_setting('server_version_num')::int / 10000")
        #expect(major == String(connection.serverVersion / 10_000))
        #expect(connection.serverVersionText.hasPrefix(PostgresConnection.versionText(connection.serverVersion)))
        #expect(try connection.scalarString("SHOW client_encoding") == "UTF8")
        #expect(try connection.scalarString("SHOW application_name") == "absher-import")
        #expect(connection.backendProcessID == Int32(try connection.scalarInt("SELECT pg_backend_pid()") ?? 0))
        #expect(connection.user == "postgres")
        #expect(connection.databaseName == "postgres")
        connection.close()
        #expect(!connection.isConnected)
        let error = #expect(throws: PostgresError.self) { try connection.execute("SELECT 1") }
        #expect(error?.kind == .misuse)
    }

    @Test func formatsVersionNumbers() {
        #expect(PostgresConnection.versionText(150_018) == "15.18")
        #expect(PostgresConnection.versionText(90_624) == "9.6.24")
    }

    @Test func readOnlyConnectionRefusesWrites() throws {
        let connection = try PostgresTestServer.connect(readOnly: true)
        #expect(try connection.scalarString("SHOW default_transaction_read_only") == "on")
        let error = #expect(throws: PostgresError.self) {
            try connection.execute("CREATE TEMP TABLE t (x int)")
        }
        #expect(error?.sqlState == "25006")  // read_only_sql_transaction
        let inTransaction = #expect(throws: PostgresError.self) {
            try connection.inTransaction(.serializable) {
                try connection.execute("CREATE TEMP TABLE t (x int)")
                return .commit
            }
        }
        #expect(inTransaction?.sqlState == "25006")
    }

    @Test func wrongPortIsCannotConnectNamingHostAndPort() throws {
        let server = try PostgresTestServer.connect()
        let socketFolder = server.host
        let unusedPort = (Int(server.port) ?? 5432) == 1 ? 2 : 1
        let uri = "postgresql:///postgres?host=\(socketFolder)&port=\(unusedPort)&user=postgres&password=pa55word"
        let error = #expect(throws: PostgresError.self) { _ = try PostgresConnection(uri) }
        #expect(error?.kind == .cannotConnect)
        #expect(error?.isUnavailable == true)
        #expect(error?.message.contains("host \(socketFolder), port \(unusedPort), database postgres") == true)
        #expect(error?.description.contains("pa55word") == false)
    }

    @Test func closedTCPPortIsCannotConnect() throws {
        let error = #expect(throws: PostgresError.self) {
            _ = try PostgresConnection("host=127.0.0.1 port=1 dbname=postgres user=postgres connect_timeout=5")
        }
        #expect(error?.kind == .cannotConnect)
        #expect(error?.message.contains("host 127.0.0.1, port 1") == true)
    }

    @Test func unknownRoleIsLoginRefused() throws {
        let server = try PostgresTestServer.connect()
        let role = PostgresTestServer.uniqueName("nobody")
        let uri = "postgresql:///postgres?host=\(server.host)&port=\(server.port)&user=\(role)"
        let error = #expect(throws: PostgresError.self) { _ = try PostgresConnection(uri) }
        #expect(error?.kind == .loginRefused)
        #expect(error?.isUnavailable == true)
    }

    @Test func wrongPasswordIsLoginRefusedAndNeverShown() throws {
        let server = try PostgresTestServer.connect()
        let role = PostgresTestServer.uniqueName("absher_login")
        try server.execute("CREATE ROLE \(role) LOGIN PASSWORD 'Right-Pa55'")
        defer { _ = try? server.execute("DROP ROLE \(role)") }
        let base = "postgresql://\(role):%@127.0.0.1:\(server.port)/postgres"

        let wrong = base.replacingOccurrences(of: "%@", with: "Wr0ng-Pa55@")
        let error = #expect(throws: PostgresError.self) { _ = try PostgresConnection(wrong) }
        #expect(error?.kind == .loginRefused)
        #expect(error?.message.contains("127.0.0.1") == true)
        #expect(error?.description.contains("Wr0ng-Pa55") == false)

        let right = try PostgresConnection(base.replacingOccurrences(of: "%@", with: "Right-Pa55@"))
        #expect(try right.scalarString("SELECT current_user") == role)
        #expect(!"\(right.connectionString)".contains("Right-Pa55"))
    }

    @Test func invalidConnectionStringNeverShowsThePassword() {
        let error = #expect(throws: PostgresError.self) {
            _ = try PostgresConnection("host=/tmp password=se cret dbname=x")
        }
        #expect(error?.kind == .invalidConnectionString)
        #expect(error?.description.contains("cret") == false)
        #expect(error?.description.contains("se ") == false)

        let uriError = #expect(throws: PostgresError.self) {
            _ = try PostgresConnection("postgresql://absher:s3cret@host/db?nonsense=1")
        }
        #expect(uriError?.kind == .invalidConnectionString)
        #expect(uriError?.description.contains("postgresql://absher:***@host/db") == true)
        #expect(uriError?.description.contains("s3cret") == false)
    }

    @Test func lostConnectionIsConnectionLost() throws {
        let victim = try PostgresTestServer.connect()
        let killer = try PostgresTestServer.connect()
        let terminated = try killer.execute(
            "SELECT pg_terminate_backend($1::int)", parameters: [Int(victim.backendProcessID)])
        #expect(try terminated.bool(row: 0, column: 0) == true)
        let error = #expect(throws: PostgresError.self) { try victim.execute("SELECT 1") }
        #expect(error?.kind == .connectionLost)
        #expect(error?.isConnectionLost == true)
        #expect(!victim.isConnected)
        let again = #expect(throws: PostgresError.self) { try victim.execute("SELECT 1") }
        #expect(again?.kind == .connectionLost)
    }
}
