import CSQLite
import Foundation
import Testing

@testable import AbsherImport

@Suite struct MigrationsTests {
    @Test func migrationVersionsCountUpFromOne() {
        #expect(Migrations.all.map(\.version) == Array(1...Migrations.all.count))
        #expect(Migrations.latestVersion == Migrations.all.count)
    }

    @Test func migrateCreatesTheSchemaAndSetsUserVersion() throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        #expect(try db.scalarInt("PRAGMA user_version") == 0)
        try Migrations.migrate(db)
        #expect(try db.scalarInt("PRAGMA user_version") == Int64(Migrations.latestVersion))

        let tables = try db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        var names: [String] = []
        while try tables.step() {
            names.append(tables.columnString(0) ?? "")
        }
        #expect(names == ["changes", "people", "run_counts", "run_files", "runs", "sponsors"])
        #expect(try db.scalarInt("PRAGMA foreign_key_check") == nil)
        #expect(try db.scalarString("PRAGMA integrity_check") == "ok")
    }

    @Test func migrateTwiceChangesNothing() throws {
        let folder = try StoreTestDirectory()
        let path = folder.path("store.sqlite")
        do {
            let db = try Database(path: path)
            try Migrations.migrate(db)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let db = try Database(path: path)
            try Migrations.migrate(db)
            try Migrations.migrate(db)
            #expect(try db.scalarInt("PRAGMA user_version") == Int64(Migrations.latestVersion))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func migrateRefusesAStoreFromANewerBuild() throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        try db.execute("PRAGMA user_version = \(Migrations.latestVersion + 1)")
        let error = #expect(throws: DatabaseError.self) {
            try Migrations.migrate(db)
        }
        #expect(error?.message.contains("newer") == true)
        #expect(try db.scalarInt("SELECT count(*) FROM sqlite_master") == 0)
    }

    /// Inserts a run and returns its id.
    private func insertRun(_ db: Database, key: String) throws -> Int64 {
        let insert = try db.cachedStatement(
            """
            INSERT INTO runs (run_key, started_at, run_date, mode, status)
            VALUES (?, '2024-05-01T22:00:00Z', '2024-05-01', 'snapshot', 'committed')
            """
        )
        insert.bind(key, at: 1)
        try insert.run()
        return db.lastInsertedRowID
    }

    @Test func schemaAcceptsARunWithPeopleSponsorsAndChanges() throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        try Migrations.migrate(db)
        try db.inTransaction {
            let run = try insertRun(db, key: "20240501-220000")
            let sponsor = try db.prepare(
                """
                INSERT INTO sponsors (id, sponsor_type, name, record_hash, first_run_id, last_changed_run_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """
            )
            sponsor.bind(["7001234567", "establishment", "شركة المثال", Int64.min, run, run])
            try sponsor.run()
            let person = try db.prepare(
                """
                INSERT INTO people (id, kind, name_ar, birth_date, mobile, username, username_key,
                    sponsor_id, record_hash, first_run_id, last_changed_run_id)
                VALUES (?, 'resident', ?, '1990-01-31', '+966512345678', ?, lower(?), ?, ?, ?, ?)
                """
            )
            person.bind(["2000000006", "علي", "Ali.K", "Ali.K", "7001234567", Int64.max, run, run])
            try person.run()
            let change = try db.prepare(
                "INSERT INTO changes (run_id, record_id, record_kind, change) VALUES (?, ?, ?, 'new')"
            )
            change.bind([run, "2000000006", "resident"])
            try change.run()
            try db.execute(
                """
                INSERT INTO run_counts (run_id, category, name, count) VALUES (\(run), 'change', 'new', 2);
                INSERT INTO run_files (run_id, kind, path, rows) VALUES (\(run), 'resident', 'residents.csv', 1);
                """
            )
            return .commit
        }
        #expect(try db.scalarInt("SELECT active FROM people WHERE id = '2000000006'") == 1)
        #expect(try db.scalarInt("SELECT record_hash FROM sponsors") == Int64.min)
        #expect(try db.scalarString("SELECT username_key FROM people") == "ali.k")
    }

    @Test(arguments: [
        // username_key is unique, whatever the case of the username.
        (
            "INSERT INTO people (id, kind, username_key, record_hash) VALUES ('1000000008', 'citizen', 'ali.k', 0)",
            SQLiteExtendedCode.constraintUnique
        ),
        (
            "INSERT INTO people (id, kind, record_hash) VALUES ('1000000008', 'visitor', 0)",
            SQLiteExtendedCode.constraintCheck
        ),
        (
            "INSERT INTO people (id, kind, gender, record_hash) VALUES ('1000000008', 'citizen', 'X', 0)",
            SQLiteExtendedCode.constraintCheck
        ),
        ("INSERT INTO people (id, kind) VALUES ('1000000008', 'citizen')", SQLiteExtendedCode.constraintNotNull),
        (
            "INSERT INTO people (id, kind, record_hash) VALUES (NULL, 'citizen', 0)",
            SQLiteExtendedCode.constraintNotNull
        ),
        (
            "INSERT INTO people (id, kind, record_hash, first_run_id) VALUES ('1000000008', 'citizen', 0, 99)",
            SQLiteExtendedCode.constraintForeignKey
        ),
        (
            "INSERT INTO changes (run_id, record_id, record_kind, change) VALUES (1, '1', 'citizen', 'unchanged')",
            SQLiteExtendedCode.constraintCheck
        ),
        (
            "INSERT INTO run_counts (run_id, category, name, count) VALUES (1, 'change', 'new', 3)",
            SQLiteExtendedCode.constraintPrimaryKey
        ),
        (
            "INSERT INTO runs (run_key, started_at, run_date, mode, status) VALUES ('r1', 'x', 'y', 'snapshot', 'ok')",
            SQLiteExtendedCode.constraintCheck
        ),
    ])
    func schemaRejectsInvalidRows(sql: String, expectedCode: Int32) throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        try Migrations.migrate(db)
        let run = try insertRun(db, key: "r0")
        try db.execute(
            """
            INSERT INTO people (id, kind, username, username_key, record_hash)
            VALUES ('2000000006', 'resident', 'Ali.K', 'ali.k', 0);
            INSERT INTO run_counts (run_id, category, name, count) VALUES (\(run), 'change', 'new', 1);
            """
        )
        let error = #expect(throws: DatabaseError.self) {
            try db.execute(sql)
        }
        #expect(error?.resultCode == expectedCode)
    }
}
