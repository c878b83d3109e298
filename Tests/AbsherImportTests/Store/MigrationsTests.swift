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
        #expect(
            names == [
                "changes", "match_dismissals", "match_pairs", "people", "run_counts", "run_files", "runs", "sponsors",
            ])
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
        // An ID is one person (people_id).
        (
            "INSERT INTO people (id, kind, record_hash) VALUES ('2000000006', 'resident', 0)",
            SQLiteExtendedCode.constraintUnique
        ),
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
    // MARK: - Migration 2: people as a rowid table

    private func rows(_ db: Database, _ sql: String) throws -> [String] { try db.rowTexts(sql) }

    /// A store at schema version 1 (only `Migrations.all[0]` applied), with a run, two sponsors and people
    /// of both kinds, active and not, with and without username, mobile and e-mail.
    private func versionOneStore(_ path: String) throws -> Database {
        let db = try Database(path: path)
        let first = Migrations.all[0]
        #expect(first.version == 1)
        try db.inTransaction {
            try db.execute(first.sql)
            try db.execute("PRAGMA user_version = \(first.version)")
            return .commit
        }
        let run = try insertRun(db, key: "20240501-220000")
        let later = try insertRun(db, key: "20240502-220000")
        try db.execute(
            """
            INSERT INTO sponsors (id, sponsor_type, name, record_hash, first_run_id, last_changed_run_id)
            VALUES ('7001234567', 'establishment', 'شركة المثال', 7, \(run), \(run)),
                ('1000000008', 'individual', 'سعد', -7, \(run), \(later));
            INSERT INTO people (id, kind, name_ar, name_en, birth_date, gender, mobile, email, username, username_key,
                preferred_language, nationality, sponsor_id, document_expiry, active, record_hash, first_run_id,
                last_changed_run_id)
            VALUES
                ('2000000006', 'resident', 'علي', 'Ali Khan', '1990-01-31', 'M', '+966512345678', NULL, 'Ali.K',
                    'ali.k', 'en', 'PAK', '7001234567', '2027-03-01', 1, \(Int64.max), \(run), \(run)),
                ('1000000008', 'citizen', 'سعد', 'Saad', '1985-12-01', 'M', '+966551234567', 'saad@example.com',
                    'Saad.A', 'saad.a', 'ar', NULL, NULL, '2030-01-01', 1, \(Int64.min), \(run), \(later)),
                ('1000000016', 'citizen', 'نورة', NULL, '1410-03-04', 'F', NULL, 'noura@example.sa', NULL, NULL,
                    NULL, NULL, NULL, NULL, 0, 0, \(run), \(later)),
                ('2000000014', 'resident', NULL, 'John Smith', NULL, NULL, '+966512345678', NULL, NULL, NULL,
                    'en', 'GBR', '1000000008', '2026-12-31', 0, -1, \(later), NULL);
            """
        )
        return db
    }

    /// `sql` with runs of white space as one space, without `PRIMARY KEY`, `WITHOUT ROWID` and quotes.
    private func normalized(_ sql: String) -> String {
        sql.replacingOccurrences(of: " PRIMARY KEY", with: "")
            .replacingOccurrences(of: " WITHOUT ROWID", with: "")
            .replacingOccurrences(of: "\"", with: "")
            .split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test func migrationTwoKeepsEveryPersonAndEveryColumn() throws {
        let folder = try StoreTestDirectory()
        let db = try versionOneStore(folder.path("store.sqlite"))
        let everything = "SELECT * FROM people ORDER BY id"
        let peopleBefore = try rows(db, everything)
        let sponsorsBefore = try rows(db, "SELECT * FROM sponsors ORDER BY id")
        let columns = "SELECT name, type, \"notnull\", dflt_value FROM pragma_table_info('people')"
        let columnsBefore = try rows(db, columns)
        let tableBefore = try db.scalarString("SELECT sql FROM sqlite_master WHERE name = 'people'") ?? ""
        // Migration 3 (later) adds the match tables; the others stay as they were.
        let otherSchema =
            "SELECT name, sql FROM sqlite_master WHERE tbl_name <> 'people' AND tbl_name NOT LIKE 'match%' ORDER BY name"
        let otherSchemaBefore = try rows(db, otherSchema)
        let indexesBefore = try rows(
            db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'people' ORDER BY name")
        #expect(peopleBefore.count == 4)
        #expect(indexesBefore.count == 4)

        try Migrations.migrate(db)

        #expect(try db.scalarInt("PRAGMA user_version") == Int64(Migrations.latestVersion))
        #expect(try db.scalarString("PRAGMA integrity_check") == "ok")
        #expect(try db.scalarInt("PRAGMA foreign_key_check") == nil)
        #expect(try rows(db, everything) == peopleBefore)
        #expect(try rows(db, "SELECT * FROM sponsors ORDER BY id") == sponsorsBefore)
        #expect(try rows(db, otherSchema) == otherSchemaBefore)
        // The same columns, types, checks, defaults and comments; no primary key, and a rowid.
        let table = try db.scalarString("SELECT sql FROM sqlite_master WHERE name = 'people'") ?? ""
        #expect(normalized(table) == normalized(tableBefore))
        #expect(!table.contains("PRIMARY KEY") && !table.contains("WITHOUT ROWID"))
        #expect(try rows(db, columns) == columnsBefore)
        #expect(try rows(db, "SELECT name FROM pragma_table_info('people') WHERE pk <> 0").isEmpty)
        #expect(try rows(db, "SELECT rowid FROM people ORDER BY id") == ["1", "2", "3", "4"])
        // The indexes on mobile and username as they were, those on e-mail and sponsor gone, and people_id,
        // unique; no automatic index.
        #expect(
            try rows(
                db,
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'people' AND name <> 'people_id' ORDER BY name"
            ) == indexesBefore.filter { $0.hasPrefix("people_mobile|") || $0.hasPrefix("people_username_key|") })
        #expect(
            try db.scalarString("SELECT sql FROM sqlite_master WHERE name = 'people_id'")
                == "CREATE UNIQUE INDEX people_id ON people (id)")
        #expect(
            try rows(db, "SELECT name, \"unique\", origin FROM pragma_index_list('people') ORDER BY name") == [
                "people_id|1|c", "people_mobile|0|c", "people_username_key|1|c",
            ])
        #expect(try rows(db, "SELECT name FROM sqlite_master WHERE name = 'people_new'").isEmpty)
        let duplicate = #expect(throws: DatabaseError.self) {
            try db.execute("INSERT INTO people (id, kind, record_hash) VALUES ('1000000016', 'citizen', 1)")
        }
        #expect(duplicate?.resultCode == SQLiteExtendedCode.constraintUnique)
        let plan = try rows(db, "EXPLAIN QUERY PLAN SELECT active FROM people WHERE id = '1000000008'")
        #expect(plan.count == 1 && plan[0].hasSuffix("SEARCH people USING INDEX people_id (id=?)"))
    }

    @Test func aStoreMigratedFromVersionOneHasTheSchemaOfANewStore() throws {
        let folder = try StoreTestDirectory()
        let migrated = try versionOneStore(folder.path("old.sqlite"))
        try Migrations.migrate(migrated)
        let fresh = try Database(path: folder.path("new.sqlite"))
        try Migrations.migrate(fresh)
        let schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
        #expect(try rows(migrated, schema) == rows(fresh, schema))
        #expect(try fresh.scalarInt("PRAGMA user_version") == Int64(Migrations.latestVersion))
    }
}
