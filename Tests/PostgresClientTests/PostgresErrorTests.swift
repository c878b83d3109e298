import Testing

@testable import PostgresClient

@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresErrorTests {
    static let nationalID = "1012345672"
    static let name = "عبدالرحمن القحطاني"

    private func registry() throws -> PostgresConnection {
        let connection = try PostgresTestServer.connect()
        try connection.execute(
            """
            CREATE TEMP TABLE registry (
                national_id text CONSTRAINT registry_pkey PRIMARY KEY,
                name_ar text NOT NULL,
                birth date,
                visits int CONSTRAINT visits_positive CHECK (visits > 0)
            )
            """
        )
        return connection
    }

    @Test func uniqueViolationCarriesSQLStateAndNoValues() throws {
        let connection = try registry()
        let insert = try connection.prepare("INSERT INTO registry (national_id, name_ar) VALUES ($1, $2)")
        try insert.execute([Self.nationalID, Self.name])
        let error = #expect(throws: PostgresError.self) { try insert.execute([Self.nationalID, Self.name]) }
        #expect(error?.sqlState == "23505")  // unique_violation
        #expect(error?.kind == .constraintViolation)
        #expect(error?.isConstraintViolation == true)
        #expect(error?.constraintName == "registry_pkey")
        #expect(error?.sql == "INSERT INTO registry (national_id, name_ar) VALUES ($1, $2)")
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("duplicate key value violates unique constraint \"registry_pkey\""))
        #expect(!text.contains(Self.nationalID))
        #expect(!text.contains(Self.name))
    }

    @Test func checkAndNotNullViolationsCarryNoValues() throws {
        let connection = try registry()
        let check = #expect(throws: PostgresError.self) {
            try connection.execute(
                "INSERT INTO registry (national_id, name_ar, visits) VALUES ($1, $2, $3)",
                parameters: [Self.nationalID, Self.name, -5])
        }
        #expect(check?.sqlState == "23514")
        #expect(check?.constraintName == "visits_positive")
        let notNull = #expect(throws: PostgresError.self) {
            try connection.execute(
                "INSERT INTO registry (national_id, name_ar) VALUES ($1, $2)", parameters: [Self.nationalID, nil])
        }
        #expect(notNull?.sqlState == "23502")
        for error in [check, notNull] {
            let text = error.map { "\($0)" } ?? ""
            #expect(!text.contains(Self.nationalID))
            #expect(!text.contains(Self.name))
            #expect(!text.contains("Failing row"))
        }
    }

    @Test(arguments: ["1990-13-45", "not a date 1012345672", "Nora"])
    func dataExceptionsHideTheValue(value: String) throws {
        let connection = try registry()
        let error = #expect(throws: PostgresError.self) {
            try connection.execute(
                "INSERT INTO registry (national_id, name_ar, birth) VALUES ('1', 'x', $1)", parameters: [value])
        }
        #expect(error?.sqlState?.hasPrefix("22") == true)
        #expect(error?.description.contains(value) == false)
        #expect(error?.message.contains("\"***\"") == true)
    }

    @Test func boundValuesAreScrubbedFromAnyMessage() {
        let message = "value 1012345672 and \"Nora\" and 7"
        let scrubbed = PostgresError.scrubbed(message, sqlState: "XX000", parameters: ["1012345672", nil, "Nora", ""])
        #expect(scrubbed == "value *** and \"***\" and 7")
        #expect(
            PostgresError.scrubbed("bad \"x\" and \"y", sqlState: "22007", parameters: []) == "bad \"***\" and \"***")
    }

    @Test func syntaxErrorNamesTheSQL() throws {
        let connection = try PostgresTestServer.connect()
        let error = #expect(throws: PostgresError.self) { try connection.execute("SELEC 1") }
        #expect(error?.sqlState == "42601")
        #expect(error?.kind == .other)
        #expect(error?.description.hasSuffix("- while executing `SELEC 1`") == true)
    }

    @Test func fullDiskIsDiskFull() throws {
        guard let folder = PostgresTestServer.fullDiskFolder else {
            // Only Scripts/test-postgres as root mounts the small tmpfs.
            return
        }
        let connection = try PostgresTestServer.connect()
        let tablespace = PostgresTestServer.uniqueName("tiny")
        try connection.execute("CREATE TABLESPACE \(tablespace) LOCATION '\(folder)'")
        defer { _ = try? connection.execute("DROP TABLESPACE \(tablespace)") }
        try connection.execute("CREATE TEMP TABLE filler (x text) TABLESPACE \(tablespace)")
        defer { _ = try? connection.execute("DROP TABLE filler") }
        let error = #expect(throws: PostgresError.self) {
            try connection.execute(
                "INSERT INTO filler SELECT md5(g::text) || repeat('x', 900) FROM generate_series(1, 5000) g")
        }
        #expect(error?.sqlState == "53100")
        #expect(error?.isDiskFull == true)
        #expect(try connection.scalarInt("SELECT 1") == 1)
    }
}
