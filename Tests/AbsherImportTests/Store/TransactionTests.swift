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

@Suite struct TransactionTests {
    private struct BodyFailure: Error, Equatable {
        var tag: Int
    }

    private func count(_ db: Database) throws -> Int64? {
        try db.scalarInt("SELECT count(*) FROM t")
    }

    @Test func commitKeepsChangesForOtherConnections() throws {
        let folder = try StoreTestDirectory()
        let path = folder.path("store.sqlite")
        let db = try Database(path: path)
        try db.execute("CREATE TABLE t (x INTEGER)")
        for kind in [TransactionKind.deferred, .immediate, .exclusive] {
            try db.inTransaction(kind) {
                #expect(db.isInsideTransaction)
                try db.execute("INSERT INTO t VALUES (1)")
                return .commit
            }
            #expect(!db.isInsideTransaction)
        }
        let other = try Database(path: path, readOnly: true)
        #expect(try count(other) == 3)
    }

    @Test func rollbackLeavesTheFileAsItWas() throws {
        let folder = try StoreTestDirectory()
        let path = folder.path("store.sqlite")
        do {
            let db = try Database(path: path)
            try db.execute("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept')")
        }
        // Closing the last connection checkpoints the WAL into the file and removes it.
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        do {
            let db = try Database(path: path)
            try db.inTransaction {
                try db.execute("INSERT INTO t VALUES ('dropped'); DELETE FROM t WHERE x = 'kept'")
                #expect(try count(db) == 1)
                return .rollback
            }
            #expect(try db.scalarString("SELECT group_concat(x) FROM t") == "kept")
        }
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(after == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func throwingBodyRollsBackAndRethrowsItsError() throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        try db.execute("CREATE TABLE t (x INTEGER)")
        #expect(throws: BodyFailure(tag: 1)) {
            try db.inTransaction {
                try db.execute("INSERT INTO t VALUES (1)")
                throw BodyFailure(tag: 1)
            }
        }
        #expect(!db.isInsideTransaction)
        #expect(try count(db) == 0)
    }

    @Test func failingStatementInBodyRollsBackEverything() throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        try db.execute("CREATE TABLE t (x INTEGER NOT NULL)")
        let error = #expect(throws: DatabaseError.self) {
            try db.inTransaction {
                try db.execute("INSERT INTO t VALUES (1)")
                try db.execute("INSERT INTO t VALUES (NULL)")
                return .commit
            }
        }
        #expect(error?.resultCode == SQLiteExtendedCode.constraintNotNull)
        #expect(try count(db) == 0)
    }

    @Test func transactionsDoNotNest() throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        try db.execute("CREATE TABLE t (x INTEGER)")
        #expect(throws: DatabaseError.self) {
            try db.inTransaction {
                try db.execute("INSERT INTO t VALUES (1)")
                try db.inTransaction { .commit }
                return .commit
            }
        }
        #expect(try count(db) == 0)
    }

    @Test func savepointsNestInsideATransaction() throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        try db.execute("CREATE TABLE t (x INTEGER)")
        try db.inTransaction {
            try db.execute("INSERT INTO t VALUES (1)")
            try db.inSavepoint {
                try db.execute("INSERT INTO t VALUES (2)")
                try db.inSavepoint {
                    try db.execute("INSERT INTO t VALUES (3)")
                    return .rollback
                }
                try db.inSavepoint {
                    try db.execute("INSERT INTO t VALUES (4)")
                    try db.inSavepoint {
                        try db.execute("INSERT INTO t VALUES (5)")
                        return .commit
                    }
                    return .commit
                }
                #expect(throws: BodyFailure(tag: 6)) {
                    try db.inSavepoint {
                        try db.execute("INSERT INTO t VALUES (6)")
                        throw BodyFailure(tag: 6)
                    }
                }
                return .commit
            }
            try db.inSavepoint {
                try db.execute("INSERT INTO t VALUES (7)")
                return .rollback
            }
            #expect(db.isInsideTransaction)
            return .commit
        }
        #expect(try db.scalarString("SELECT group_concat(x) FROM (SELECT x FROM t ORDER BY x)") == "1,2,4,5")
    }

    @Test func savepointOutsideATransactionIsATransaction() throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        try db.execute("CREATE TABLE t (x INTEGER)")
        try db.inSavepoint {
            #expect(db.isInsideTransaction)
            try db.execute("INSERT INTO t VALUES (1)")
            return .commit
        }
        try db.inSavepoint {
            try db.execute("INSERT INTO t VALUES (2)")
            return .rollback
        }
        #expect(!db.isInsideTransaction)
        #expect(try count(db) == 1)
    }
}
