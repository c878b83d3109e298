import Testing

@testable import PostgresClient

@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresTransactionTests {
    struct Boom: Error {}

    private func connectionWithTable() throws -> PostgresConnection {
        let connection = try PostgresTestServer.connect()
        try connection.execute("CREATE TEMP TABLE t (k int PRIMARY KEY, v text)")
        try connection.execute("INSERT INTO t VALUES (1, 'before')")
        return connection
    }

    private func state(_ connection: PostgresConnection) throws -> [String?] {
        try connection.execute("SELECT k::text || '=' || v FROM t ORDER BY k").rows.map { $0.string(0) }
    }

    @Test func commitKeepsTheChanges() throws {
        let connection = try connectionWithTable()
        try connection.inTransaction(.serializable) {
            #expect(connection.isInsideTransaction)
            #expect(try connection.scalarString("SHOW transaction_isolation") == "serializable")
            try connection.execute("INSERT INTO t VALUES ($1, $2)", parameters: [2, "after"])
            return .commit
        }
        #expect(!connection.isInsideTransaction)
        #expect(try state(connection) == ["1=before", "2=after"])
    }

    @Test func rollbackLeavesNothing() throws {
        let connection = try connectionWithTable()
        try connection.inTransaction(.repeatableRead) {
            #expect(try connection.scalarString("SHOW transaction_isolation") == "repeatable read")
            try connection.execute("INSERT INTO t VALUES (2, 'after')")
            try connection.execute("UPDATE t SET v = 'changed' WHERE k = 1")
            try connection.execute("CREATE TEMP TABLE created_inside (x int)")
            return .rollback
        }
        #expect(try state(connection) == ["1=before"])
        #expect(try connection.scalarString("SELECT to_regclass('created_inside')::text") == nil)
    }

    @Test func thrownErrorRollsBackAndIsRethrown() throws {
        let connection = try connectionWithTable()
        #expect(throws: Boom.self) {
            try connection.inTransaction {
                try connection.execute("INSERT INTO t VALUES (2, 'after')")
                throw Boom()
            }
        }
        #expect(!connection.isInsideTransaction)
        #expect(try state(connection) == ["1=before"])
    }

    @Test func firstServerErrorIsRethrown() throws {
        let connection = try connectionWithTable()
        let error = #expect(throws: PostgresError.self) {
            try connection.inTransaction {
                try connection.execute("INSERT INTO t VALUES (2, 'after')")
                try connection.execute("INSERT INTO t VALUES (1, 'duplicate')")
                try connection.execute("INSERT INTO t VALUES (3, 'never')")
                return .commit
            }
        }
        #expect(error?.sqlState == "23505")
        #expect(try state(connection) == ["1=before"])
    }

    @Test func commitAfterACaughtErrorThrowsAndCommitsNothing() throws {
        let connection = try connectionWithTable()
        let error = #expect(throws: PostgresError.self) {
            try connection.inTransaction {
                try connection.execute("INSERT INTO t VALUES (2, 'after')")
                _ = try? connection.execute("INSERT INTO t VALUES (1, 'duplicate')")
                #expect(connection.isTransactionFailed)
                return .commit
            }
        }
        #expect(error?.message.contains("rolled back") == true)
        #expect(!connection.isInsideTransaction)
        #expect(try state(connection) == ["1=before"])
    }

    @Test func readOnlyTransactionRefusesWrites() throws {
        // A shared table: read-only transactions may still write temporary ones.
        let table = PostgresTestServer.uniqueName("read_only")
        let connection = try PostgresTestServer.connect()
        try connection.execute("CREATE TABLE \(table) (k int); INSERT INTO \(table) VALUES (1)")
        defer { _ = try? connection.execute("DROP TABLE \(table)") }
        let error = #expect(throws: PostgresError.self) {
            try connection.inTransaction(.repeatableRead, readOnly: true) {
                #expect(try connection.scalarInt("SELECT count(*) FROM \(table)") == 1)
                try connection.execute("DELETE FROM \(table)")
                return .commit
            }
        }
        #expect(error?.sqlState == "25006")  // read_only_sql_transaction
        #expect(try connection.scalarInt("SELECT count(*) FROM \(table)") == 1)
    }

    @Test func transactionsDoNotNest() throws {
        let connection = try connectionWithTable()
        let error = #expect(throws: PostgresError.self) {
            try connection.inTransaction {
                try connection.inTransaction { .commit }
                return .commit
            }
        }
        #expect(error?.kind == .misuse)
        #expect(!connection.isInsideTransaction)
    }

    /// Write skew: each transaction reads what the other writes. SERIALIZABLE lets the first commit and
    /// fails the second with 40001.
    @Test func writeSkewIsASerializationFailure() throws {
        let table = PostgresTestServer.uniqueName("skew")
        let setup = try PostgresTestServer.connect()
        try setup.execute("CREATE TABLE \(table) (k int)")
        defer { _ = try? setup.execute("DROP TABLE \(table)") }
        let first = try PostgresTestServer.connect()
        let second = try PostgresTestServer.connect()

        try first.execute("BEGIN ISOLATION LEVEL SERIALIZABLE")
        #expect(try first.scalarInt("SELECT count(*) FROM \(table) WHERE k = 2") == 0)
        let error = #expect(throws: PostgresError.self) {
            try second.inTransaction(.serializable) {
                #expect(try second.scalarInt("SELECT count(*) FROM \(table) WHERE k = 1") == 0)
                try second.execute("INSERT INTO \(table) VALUES (2)")
                try first.execute("INSERT INTO \(table) VALUES (1)")
                try first.execute("COMMIT")
                return .commit
            }
        }
        #expect(error?.sqlState == "40001")
        #expect(error?.isSerializationFailure == true)
        #expect(try setup.scalarInt("SELECT count(*) FROM \(table)") == 1)
    }
}
