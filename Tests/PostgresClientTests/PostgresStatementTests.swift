import Testing

@testable import PostgresClient

@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresStatementTests {
    private func personTable() throws -> PostgresConnection {
        let connection = try PostgresTestServer.connect()
        try connection.execute(
            """
            CREATE TEMP TABLE person (
                national_id text PRIMARY KEY,
                name_ar text,
                visits int,
                score double precision,
                active boolean
            )
            """
        )
        return connection
    }

    @Test func preparedInsertAndSelectRoundTripNullAndArabic() throws {
        let connection = try personTable()
        let insert = try connection.prepare("INSERT INTO person VALUES ($1, $2, $3, $4, $5)")
        #expect(insert.parameterCount == 5)
        try insert.execute(["1012345672", "محمد بن عبدالله الشمري", 3, 2.5, true])
        try insert.execute(["2012345670", nil, nil, nil, nil])
        try insert.execute(["1098765432", "", 0, -0.125, false])

        let select = try connection.prepare(
            "SELECT national_id, name_ar, visits, score, active FROM person WHERE national_id = $1")
        let first = try select.execute(["1012345672"])
        #expect(first.rowCount == 1)
        #expect(first.columnName(1) == "name_ar")
        let row = first.row(0)
        #expect(row.string(1) == "محمد بن عبدالله الشمري")
        #expect(try row.int(2) == 3)
        #expect(try row.double(3) == 2.5)
        #expect(try row.bool(4) == true)

        let second = try select.execute(["2012345670"]).row(0)
        for column in 1...4 {
            #expect(second.isNull(column))
        }
        #expect(second.string(1) == nil)
        #expect(try second.int(2) == nil)

        let third = try select.execute(["1098765432"]).row(0)
        #expect(!third.isNull(1))
        #expect(third.string(1) == "")
        #expect(try third.bool(4) == false)
        #expect(try select.execute(["0000000000"]).rowCount == 0)
    }

    @Test func readsValueBytesWithoutMakingStrings() throws {
        let connection = try PostgresTestServer.connect()
        let row = try connection.execute("SELECT $1::text, NULL::text", parameters: ["سارة"]).row(0)
        #expect(try row.withBytes(0) { $0.map { Array($0) } } == Array("سارة".utf8))
        #expect(try row.withBytes(1) { $0 == nil })
    }

    @Test func statementOfAClosedConnectionIsAMisuse() throws {
        let connection = try PostgresTestServer.connect()
        let statement = try connection.prepare("SELECT 1")
        connection.close()
        let error = #expect(throws: PostgresError.self) { try statement.execute() }
        #expect(error?.kind == .misuse)
    }

    @Test func reportsAffectedRowsAndCommandStatus() throws {
        let connection = try personTable()
        let insert = try connection.execute(
            "INSERT INTO person (national_id) SELECT g::text FROM generate_series(1, 7) g")
        #expect(insert.affectedRowCount == 7)
        #expect(insert.commandStatus == "INSERT 0 7")
        let update = try connection.execute("UPDATE person SET visits = 1 WHERE national_id::int > $1", parameters: [4])
        #expect(update.affectedRowCount == 3)
        #expect(try connection.execute("CREATE TEMP TABLE other (x int)").affectedRowCount == nil)
    }

    @Test func cachedStatementIsPreparedOnce() throws {
        let connection = try PostgresTestServer.connect()
        let first = try connection.cachedStatement("SELECT $1::int + 1")
        let second = try connection.cachedStatement("SELECT $1::int + 1")
        #expect(first === second)
        #expect(try second.execute([41]).int(row: 0, column: 0) == 42)
        let prepared = try connection.scalarInt(
            "SELECT count(*) FROM pg_prepared_statements WHERE name = $1", parameters: [first.name])
        #expect(prepared == 1)
    }

    @Test func releasedStatementIsDeallocated() throws {
        let connection = try PostgresTestServer.connect()
        var statement: PostgresStatement? = try connection.prepare("SELECT 1")
        let name = try #require(statement?.name)
        let count = "SELECT count(*) FROM pg_prepared_statements WHERE name = $1"
        #expect(try connection.scalarInt(count, parameters: [name]) == 1)
        statement = nil
        #expect(try connection.scalarInt(count, parameters: [name]) == 0)
    }

    @Test func wrongParameterCountAndNulBytesAreMisuses() throws {
        let connection = try personTable()
        let insert = try connection.prepare("INSERT INTO person (national_id, name_ar) VALUES ($1, $2)")
        let countError = #expect(throws: PostgresError.self) { try insert.execute(["1012345672"]) }
        #expect(countError?.kind == .misuse)
        let nulError = #expect(throws: PostgresError.self) { try insert.execute(["1012345672", "Sa\u{0}ra"]) }
        #expect(nulError?.kind == .misuse)
        #expect(nulError?.message.contains("$2") == true)
        #expect(nulError?.description.contains("Sa") == false)
        #expect(try connection.scalarInt("SELECT count(*) FROM person") == 0)
    }

    @Test func readingTextAsANumberThrowsWithoutTheValue() throws {
        let connection = try PostgresTestServer.connect()
        let result = try connection.execute("SELECT $1::text AS name", parameters: ["Nora"])
        let error = #expect(throws: PostgresError.self) { _ = try result.int(row: 0, column: 0) }
        #expect(error?.message.contains("name") == true)
        #expect(error?.description.contains("Nora") == false)
    }

    @Test func streamsRowsOneAtATime() throws {
        let connection = try PostgresTestServer.connect()
        var seen: [Int64] = []
        try connection.forEachRow(
            "SELECT g, 'صف ' || g FROM generate_series(1, $1::int) g ORDER BY g", parameters: [2000]
        ) { row in
            #expect(row.result.rowCount == 1)
            #expect(row.string(1) == "صف \(seen.count + 1)")
            seen.append(try row.int(0) ?? -1)
        }
        #expect(seen == Array(1...2000))

        let statement = try connection.prepare("SELECT g FROM generate_series(1, $1::int) g")
        var count = 0
        try statement.forEachRow([5]) { _ in count += 1 }
        #expect(count == 5)
    }

    @Test func stoppingAStreamCancelsItAndKeepsTheConnection() throws {
        struct Enough: Error {}
        let connection = try PostgresTestServer.connect()
        var count = 0
        #expect(throws: Enough.self) {
            try connection.forEachRow("SELECT g FROM generate_series(1, 10000000) g") { _ in
                count += 1
                if count == 3 {
                    throw Enough()
                }
            }
        }
        #expect(count == 3)
        #expect(try connection.scalarInt("SELECT 7") == 7)
    }

    @Test func streamErrorIsThrownAndConnectionStaysUsable() throws {
        let connection = try PostgresTestServer.connect()
        var count = 0
        let error = #expect(throws: PostgresError.self) {
            try connection.forEachRow("SELECT 10 / (3 - g) FROM generate_series(1, 5) g") { _ in count += 1 }
        }
        #expect(error?.sqlState == "22012")  // division_by_zero
        #expect(count == 2)
        #expect(try connection.scalarInt("SELECT 8") == 8)
    }
}
