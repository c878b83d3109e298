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

@Suite struct DatabaseTests {
    @Test func createsNewFileWithMode0600() throws {
        let folder = try StoreTestDirectory()
        let path = folder.path("store.sqlite")
        let db = try Database(path: path)
        try db.execute("CREATE TABLE t (x INTEGER)")
        try db.execute("INSERT INTO t VALUES (1)")

        for file in [path, path + "-wal", path + "-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600, "\(file)")
        }
        db.close()
    }

    @Test func opensWithWALForeignKeysAndFullSynchronous() throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        #expect(try db.scalarString("PRAGMA journal_mode") == "wal")
        #expect(try db.scalarInt("PRAGMA foreign_keys") == 1)
        #expect(try db.scalarInt("PRAGMA synchronous") == 2)  // FULL
    }

    @Test func enforcesForeignKeys() throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        try db.execute(
            """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (parent_id INTEGER REFERENCES parent (id));
            """
        )
        let error = #expect(throws: DatabaseError.self) {
            try db.execute("INSERT INTO child VALUES (42)")
        }
        #expect(error?.resultCode == SQLiteExtendedCode.constraintForeignKey)
        #expect(error?.isConstraintViolation == true)
    }

    @Test(arguments: [
        "national_id,name_ar,mobile\n1012345672,محمد,0512345678\n",
        String(repeating: "not a database at all; ", count: 400),
    ])
    func rejectsFileThatIsNotSQLite(content: String) throws {
        let folder = try StoreTestDirectory()
        let path = folder.path("citizens.csv")
        try Data(content.utf8).write(to: URL(fileURLWithPath: path))
        for readOnly in [false, true] {
            let error = #expect(throws: DatabaseError.self) {
                _ = try Database(path: path, readOnly: readOnly)
            }
            #expect(error?.isNotADatabase == true)
            #expect(error?.isBusy == false)
        }
        // The file is left as it was.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(content.utf8))
    }

    @Test func readOnlyOpenOfMissingFileFailsWithoutCreatingIt() throws {
        let folder = try StoreTestDirectory()
        let path = folder.path("missing.sqlite")
        #expect(throws: DatabaseError.self) {
            _ = try Database(path: path, readOnly: true)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func readOnlyConnectionReadsButCannotWrite() throws {
        let folder = try StoreTestDirectory()
        let path = folder.path("store.sqlite")
        let writer = try Database(path: path)
        try writer.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7)")

        let reader = try Database(path: path, readOnly: true)
        #expect(try reader.scalarInt("SELECT x FROM t") == 7)
        let error = #expect(throws: DatabaseError.self) {
            try reader.execute("INSERT INTO t VALUES (8)")
        }
        #expect(error?.primaryResultCode == SQLITE_READONLY)
    }

    @Test func executeRunsSeveralStatementsAndNamesTheOneThatFails() throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        try db.execute(
            """
            -- a comment
            CREATE TABLE t (x INTEGER NOT NULL);
            INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);
            -- a trailing comment
            """
        )
        #expect(try db.scalarInt("SELECT sum(x) FROM t") == 3)

        let error = #expect(throws: DatabaseError.self) {
            try db.execute("INSERT INTO t VALUES (3); INSERT INTO t VALUES (NULL); INSERT INTO t VALUES (4)")
        }
        #expect(error?.resultCode == SQLiteExtendedCode.constraintNotNull)
        #expect(error?.sql == "INSERT INTO t VALUES (NULL);")
        // Statements before the failing one ran (no implicit transaction); those after did not.
        #expect(try db.scalarInt("SELECT sum(x) FROM t") == 6)
    }

    @Test func scalarIntIsNilWithoutRowOrForNull() throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        try db.execute("CREATE TABLE t (x INTEGER)")
        #expect(try db.scalarInt("SELECT x FROM t") == nil)
        #expect(try db.scalarInt("SELECT NULL") == nil)
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 0)
    }

    @Test func closedDatabaseThrowsMisuse() throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        db.close()
        db.close()
        let error = #expect(throws: DatabaseError.self) {
            try db.execute("SELECT 1")
        }
        #expect(error?.resultCode == SQLITE_MISUSE)
    }

    @Test func secondWriterFailsBusyWhileFirstHoldsWriteTransaction() throws {
        let folder = try StoreTestDirectory()
        let path = folder.path("store.sqlite")
        let first = try Database(path: path)
        try first.execute("CREATE TABLE t (x INTEGER)")
        let second = try Database(path: path, busyTimeoutMilliseconds: 0)

        try first.inTransaction(.immediate) {
            try first.execute("INSERT INTO t VALUES (1)")
            let error = #expect(throws: DatabaseError.self) {
                try second.inTransaction(.immediate) { .commit }
            }
            #expect(error?.isBusy == true)
            #expect(error?.sql == "BEGIN IMMEDIATE TRANSACTION")
            // A reader is not blocked by the writer (WAL), and sees the last commit only.
            #expect(try second.scalarInt("SELECT count(*) FROM t") == 0)
            return .commit
        }

        try second.inTransaction(.immediate) {
            try second.execute("INSERT INTO t VALUES (2)")
            return .commit
        }
        #expect(try first.scalarInt("SELECT count(*) FROM t") == 2)
    }

    @Test func secondConnectionCanOpenWhileFirstHoldsWriteTransaction() throws {
        let folder = try StoreTestDirectory()
        let path = folder.path("store.sqlite")
        let first = try Database(path: path)
        try first.execute("CREATE TABLE t (x INTEGER)")
        try first.inTransaction {
            try first.execute("INSERT INTO t VALUES (1)")
            let second = try Database(path: path)
            #expect(try second.scalarInt("SELECT count(*) FROM t") == 0)
            return .commit
        }
    }
}
