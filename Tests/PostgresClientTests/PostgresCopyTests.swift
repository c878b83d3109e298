import Testing

@testable import PostgresClient

@Suite(.enabled(if: PostgresTestServer.shouldRun, PostgresTestServer.skipReason))
struct PostgresCopyTests {
    /// Values COPY's text format must escape, and some it must leave alone.
    static let awkwardRows: [[String?]] = [
        ["1", "tab\there", "line\nbreak"],
        ["2", "back\\slash \\N \\t", "carriage\rreturn"],
        ["3", nil, ""],
        ["4", "\\.", "end\\."],
        ["5", "نورة\tالعتيبي", "🙂 é \u{200F}"],
        ["6", "\"quoted\", 'single'", " spaces "],
    ]

    private func table(_ connection: PostgresConnection) throws {
        try connection.execute("CREATE TEMP TABLE copied (id int PRIMARY KEY, a text, b text)")
    }

    @Test func copiesAwkwardTextInAndOut() throws {
        let connection = try PostgresTestServer.connect()
        try table(connection)
        let copied = try connection.copyIn("COPY copied (id, a, b) FROM STDIN") { writer in
            for row in Self.awkwardRows {
                try writer.writeRow(row)
            }
            #expect(writer.rowCount == Self.awkwardRows.count)
        }
        #expect(copied == Self.awkwardRows.count)

        // What the server stored, read through a plain query.
        let stored = try connection.execute("SELECT id::text, a, b FROM copied ORDER BY id")
        let values = stored.rows.map { row in (0..<3).map { row.string($0) } }
        #expect(values == Self.awkwardRows)
        #expect(stored.rows[2].isNull(1))
        #expect(!stored.rows[2].isNull(2))

        // And read back through COPY TO STDOUT.
        var lines: [[String?]] = []
        let out = try connection.copyOutRows("COPY (SELECT id, a, b FROM copied ORDER BY id) TO STDOUT") {
            lines.append($0)
        }
        #expect(out == Self.awkwardRows.count)
        #expect(lines == Self.awkwardRows)
    }

    @Test func copyOutGivesOneLinePerCall() throws {
        let connection = try PostgresTestServer.connect()
        var lines: [String] = []
        try connection.copyOut("COPY (SELECT g, E'a\\tb' FROM generate_series(1, 3) g) TO STDOUT") { bytes in
            lines.append(String(decoding: bytes, as: UTF8.self))
        }
        #expect(lines == ["1\ta\\tb\n", "2\ta\\tb\n", "3\ta\\tb\n"])
    }

    @Test func copiesManyRowsInOneCopy() throws {
        let connection = try PostgresTestServer.connect()
        try table(connection)
        let rows = 50_000
        let copied = try connection.copyIn("COPY copied FROM STDIN") { writer in
            for id in 1...rows {
                try writer.appendField(String(id))
                try writer.appendField(utf8: "اسم \(id)".utf8)
                writer.appendNull()
                try writer.endRow()
            }
        }
        #expect(copied == rows)
        #expect(try connection.scalarInt("SELECT count(*) FROM copied WHERE b IS NULL") == Int64(rows))
        #expect(try connection.scalarString("SELECT a FROM copied WHERE id = 31337") == "اسم 31337")
    }

    @Test func bodyThatThrowsStoresNothing() throws {
        struct Stop: Error {}
        let connection = try PostgresTestServer.connect()
        try table(connection)
        #expect(throws: Stop.self) {
            try connection.copyIn("COPY copied FROM STDIN") { writer in
                for id in 1...10_000 {
                    try writer.writeRow([String(id), "x", "y"])
                }
                throw Stop()
            }
        }
        #expect(try connection.scalarInt("SELECT count(*) FROM copied") == 0)
    }

    @Test func refusedRowFailsTheCopyWithoutItsValues() throws {
        let connection = try PostgresTestServer.connect()
        try table(connection)
        let error = #expect(throws: PostgresError.self) {
            try connection.copyIn("COPY copied FROM STDIN") { writer in
                try writer.writeRow(["1", "Fatimah", "ok"])
                try writer.writeRow(["not-a-number-1012345672", "Fatimah", "bad"])
            }
        }
        #expect(error?.sqlState == "22P02")  // invalid_text_representation
        #expect(error?.description.contains("1012345672") == false)
        #expect(error?.description.contains("Fatimah") == false)
        #expect(try connection.scalarInt("SELECT count(*) FROM copied") == 0)
    }

    @Test func nulByteInAFieldFailsTheCopy() throws {
        let connection = try PostgresTestServer.connect()
        try table(connection)
        let error = #expect(throws: PostgresError.self) {
            try connection.copyIn("COPY copied FROM STDIN") { writer in
                try writer.writeRow(["1", "Sa\u{0}ra", nil])
            }
        }
        #expect(error?.kind == .misuse)
        #expect(error?.message.contains("row 1") == true)
        #expect(try connection.scalarInt("SELECT count(*) FROM copied") == 0)
    }

    @Test func connectionLostDuringCopyIsConnectionLost() throws {
        let victim = try PostgresTestServer.connect()
        let killer = try PostgresTestServer.connect()
        try table(victim)
        let error = #expect(throws: PostgresError.self) {
            try victim.copyIn("COPY copied FROM STDIN") { writer in
                try writer.writeRow(["1", "first", nil])
                try killer.execute(
                    "SELECT pg_terminate_backend($1::int)", parameters: [Int(victim.backendProcessID)])
                for id in 2...200_000 {
                    try writer.writeRow([String(id), "after the server went away", nil])
                }
            }
        }
        #expect(error?.kind == .connectionLost)
        #expect(!victim.isConnected)
        #expect(try killer.scalarInt("SELECT 1") == 1)
    }

    @Test func copyThroughExecuteIsRefusedAndTheConnectionKept() throws {
        let connection = try PostgresTestServer.connect()
        try table(connection)
        let inError = #expect(throws: PostgresError.self) { try connection.execute("COPY copied FROM STDIN") }
        #expect(inError?.kind == .misuse)
        let outError = #expect(throws: PostgresError.self) {
            try connection.execute("COPY (SELECT 1) TO STDOUT")
        }
        #expect(outError?.kind == .misuse)
        #expect(try connection.scalarInt("SELECT count(*) FROM copied") == 0)
        let wrongDirection = #expect(throws: PostgresError.self) {
            try connection.copyIn("COPY (SELECT 1) TO STDOUT") { _ in }
        }
        #expect(wrongDirection?.kind == .misuse)
        #expect(try connection.scalarInt("SELECT 3") == 3)
    }
}
