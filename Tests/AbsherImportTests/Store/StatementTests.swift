import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import CSQLite
import Foundation
import Testing

@testable import AbsherImport

@Suite struct StatementTests {
    private func makeDatabase(_ folder: StoreTestDirectory) throws -> Database {
        let db = try Database(path: folder.path("store.sqlite"))
        try db.execute("CREATE TABLE t (s TEXT, i INTEGER, d REAL)")
        return db
    }

    @Test(arguments: [
        "محمد عبدالله العتيبي",
        "",
        "Ahmed O'Brien, \"quoted\"",
        "e\u{301} composed: é; emoji 🇸🇦",
        "line\nbreak\u{0}nul inside",
    ])
    func bindsAndReadsTextExactly(text: String) throws {
        let folder = try StoreTestDirectory()
        let db = try makeDatabase(folder)
        let insert = try db.prepare("INSERT INTO t (s) VALUES (?)")
        insert.bind(text, at: 1)
        try insert.run()

        let select = try db.prepare("SELECT s, typeof(s), length(CAST(s AS BLOB)) FROM t")
        #expect(try select.step())
        #expect(select.columnString(0) == text)
        #expect(select.columnString(1) == "text")  // the empty string is not NULL
        #expect(select.columnInt(2) == Int64(text.utf8.count))
        #expect(try !select.step())
    }

    /// `bindText(borrowing:)` binds bytes it does not copy; `withColumnBytes` reads them back without a
    /// `String`: the same bytes, including an empty text (not NULL) and NULL (empty).
    @Test func bindsBorrowedBytesAndReadsColumnBytes() throws {
        let folder = try StoreTestDirectory()
        let db = try makeDatabase(folder)
        let insert = try db.prepare("INSERT INTO t (s) VALUES (?)")
        let texts = ["محمد", "", "a,b\nc"]
        for text in texts {
            var bytes = Array(text.utf8)
            bytes.append(0x58)  // a byte past the bound count, never read
            // The bytes stay valid until the statement has run.
            try bytes.withUnsafeBufferPointer {
                insert.bindText(borrowing: $0.baseAddress!, count: text.utf8.count, at: 1)
                try insert.run()
            }
        }
        insert.bindNull(at: 1)
        try insert.run()
        let select = try db.prepare("SELECT s, typeof(s) FROM t ORDER BY rowid")
        var read: [[UInt8]] = []
        var types: [String] = []
        while try select.step() {
            read.append(select.withColumnBytes(0) { Array($0) })
            types.append(select.columnString(1) ?? "")
        }
        #expect(read == texts.map { Array($0.utf8) } + [[]])
        #expect(types == ["text", "text", "text", "null"])
    }

    @Test(arguments: [Int64.min, -1, 0, 1, 1_012_345_672, Int64.max])
    func bindsAndReadsIntegersExactly(value: Int64) throws {
        let folder = try StoreTestDirectory()
        let db = try makeDatabase(folder)
        let insert = try db.prepare("INSERT INTO t (i) VALUES (?)")
        insert.bind(value, at: 1)
        try insert.run()
        #expect(try db.scalarInt("SELECT i FROM t") == value)
    }

    @Test func bindsAndReadsDoublesAndNulls() throws {
        let folder = try StoreTestDirectory()
        let db = try makeDatabase(folder)
        let insert = try db.prepare("INSERT INTO t (s, i, d) VALUES (?, ?, ?)")
        insert.bind(0.05, at: 3)
        insert.bind(nil as String?, at: 1)
        insert.bind(nil as Int64?, at: 2)
        try insert.run()
        // run() cleared the bindings: every parameter is NULL now.
        try insert.run()

        let select = try db.prepare("SELECT s, i, d FROM t ORDER BY rowid")
        #expect(select.columnCount == 3)
        #expect(select.columnName(0) == "s")
        #expect(select.columnName(2) == "d")
        #expect(try select.step())
        #expect(select.columnString(0) == nil)
        #expect(select.columnInt(1) == nil)
        #expect(select.columnDouble(2) == 0.05)
        #expect(try select.step())
        #expect(select.columnIsNull(2))
        #expect(select.columnDouble(2) == nil)
        #expect(try !select.step())
    }

    @Test func bindsAnArrayOfValuesInOrder() throws {
        let folder = try StoreTestDirectory()
        let db = try makeDatabase(folder)
        let insert = try db.prepare("INSERT INTO t (s, i, d) VALUES (?, ?, ?)")
        insert.bind(["سارة", 7, nil])
        try insert.run()
        insert.bind([nil, true, 2.5])
        try insert.run()

        let select = try db.prepare("SELECT s, i, d FROM t ORDER BY rowid")
        #expect(try select.step())
        #expect(select.columnString(0) == "سارة")
        #expect(select.columnInt(1) == 7)
        #expect(select.columnDouble(2) == nil)
        #expect(try select.step())
        #expect(select.columnString(0) == nil)
        #expect(select.columnInt(1) == 1)
        #expect(select.columnDouble(2) == 2.5)
    }

    @Test func reusesOneStatementForAThousandInserts() throws {
        let folder = try StoreTestDirectory()
        let db = try makeDatabase(folder)
        let insert = try db.prepare("INSERT INTO t (s, i, d) VALUES (?, ?, ?)")
        try db.inTransaction {
            for number in 0..<1000 {
                insert.bind("row \(number)", at: 1)
                insert.bind(Int64(number), at: 2)
                insert.bind(Double(number) / 2, at: 3)
                try insert.run()
                #expect(db.changesCount == 1)
                #expect(db.lastInsertedRowID == Int64(number + 1))
            }
            return .commit
        }
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 1000)
        #expect(try db.scalarInt("SELECT sum(i) FROM t") == 499_500)
        #expect(try db.scalarString("SELECT s FROM t WHERE i = 999") == "row 999")
    }

    @Test func cachedStatementIsPreparedOnceAndHandedOutReset() throws {
        let folder = try StoreTestDirectory()
        let db = try makeDatabase(folder)
        try db.execute("INSERT INTO t (i) VALUES (1), (2), (3)")
        let sql = "SELECT i FROM t WHERE i >= ? ORDER BY i"
        let first = try db.cachedStatement(sql)
        first.bind(2, at: 1)
        #expect(try first.step())
        #expect(first.columnInt(0) == 2)  // left in the middle of its rows, with a binding

        let second = try db.cachedStatement(sql)
        #expect(first === second)
        // Reset and cleared: `i >= NULL` matches nothing.
        #expect(try !second.step())
    }

    @Test func stepReportsAFailedBind() throws {
        let folder = try StoreTestDirectory()
        let db = try makeDatabase(folder)
        let insert = try db.prepare("INSERT INTO t (s) VALUES (?)")
        insert.bind("x", at: 2)  // out of range
        let error = #expect(throws: DatabaseError.self) {
            try insert.run()
        }
        #expect(error?.resultCode == SQLITE_RANGE)
        #expect(error?.sql == "INSERT INTO t (s) VALUES (?)")
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 0)
        // The error was consumed: the statement works again.
        insert.bind("x", at: 1)
        try insert.run()
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 1)
    }

    @Test func prepareRejectsBadSQLNoSQLAndSeveralStatements() throws {
        let folder = try StoreTestDirectory()
        let db = try makeDatabase(folder)
        let syntax = #expect(throws: DatabaseError.self) {
            _ = try db.prepare("SELEKT 1")
        }
        #expect(syntax?.primaryResultCode == SQLITE_ERROR)
        #expect(syntax?.sql == "SELEKT 1")
        #expect(syntax?.message.contains("syntax error") == true)

        #expect(throws: DatabaseError.self) { _ = try db.prepare("  -- nothing\n") }
        #expect(throws: DatabaseError.self) { _ = try db.prepare("SELECT 1; SELECT 2") }
        // A trailing semicolon, spaces or comment are fine.
        _ = try db.prepare("SELECT 1; -- done\n")
    }

    @Test(arguments: [
        ("CREATE TABLE u (k TEXT UNIQUE)", "INSERT INTO u (k) VALUES (?)", 2, SQLiteExtendedCode.constraintUnique),
        (
            "CREATE TABLE u (k TEXT CHECK (length(k) = 10))", "INSERT INTO u (k) VALUES (?)", 1,
            SQLiteExtendedCode.constraintCheck
        ),
        (
            "CREATE TABLE u (k TEXT PRIMARY KEY) WITHOUT ROWID", "INSERT INTO u (k) VALUES (?)", 2,
            SQLiteExtendedCode.constraintPrimaryKey
        ),
    ])
    func errorCarriesCodeMessageAndSQLButNeverTheBoundValue(
        schema: String, sql: String, attempts: Int, expectedCode: Int32
    ) throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        try db.execute(schema)
        let marker = "MARKER-0551234567-سري"
        let insert = try db.prepare(sql)
        var caught: DatabaseError?
        for _ in 0..<attempts {
            insert.bind(marker, at: 1)
            do {
                try insert.run()
            } catch {
                caught = error
            }
        }
        let error = try #require(caught)
        #expect(error.resultCode == expectedCode)
        #expect(error.primaryResultCode == SQLITE_CONSTRAINT)
        #expect(error.message.contains("constraint failed"))
        #expect(error.sql == sql)
        #expect(error.description.contains(sql))
        #expect(error.description.contains("\(expectedCode)"))
        #expect(!error.description.contains("MARKER"))
        #expect(!error.description.contains("0551234567"))
        #expect(!"\(error)".contains("MARKER"))
        #expect(!String(reflecting: error).contains("MARKER"))
    }
}
