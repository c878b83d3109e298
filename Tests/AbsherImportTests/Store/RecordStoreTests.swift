import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation
import Testing

@testable import AbsherImport

/// Staging and scans: through the store boundary (`RunStore`) on both engines (`EngineStore`), and the SQLite
/// engine's own index handling on `RecordStore`.
@Suite struct RecordStoreTests {
    /// A migrated store with one run; returns the database and the run's row id.
    private func store(_ folder: StoreTestDirectory) throws -> (Database, Int64) {
        let db = try Database(path: folder.path("store.sqlite"))
        try Migrations.migrate(db)
        try db.execute(
            """
            INSERT INTO runs (run_key, started_at, run_date, mode, status)
            VALUES ('r1', '2024-05-01T22:00:00Z', '2024-05-01', 'snapshot', 'committed')
            """)
        return (db, db.lastInsertedRowID)
    }

    private func citizen(_ id: String, name: String = "Saad", username: String? = nil) -> CanonicalRecord {
        var record = CanonicalRecord(
            kind: .citizen, id: id, values: Array(repeating: nil, count: RecordKind.citizen.fields.count))
        record[.nameEn] = name
        record[.username] = username
        return record
    }

    private func column(_ db: Database, _ sql: String) throws -> [String] {
        let statement = try db.prepare(sql)
        var values: [String] = []
        while try statement.step() { values.append(statement.columnString(0) ?? "∅") }
        return values
    }

    private let indexes = "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'people' ORDER BY name"

    /// SQLite only: the row order of `people` and its indexes after the flush.
    @Test func flushAppendsPeopleInStagingOrderAndRebuildsTheirIndexes() throws {
        let folder = try StoreTestDirectory()
        let (db, run) = try store(folder)
        let indexesBefore = try column(db, indexes)
        #expect(indexesBefore.count == 3)
        let records = RecordStore(database: db)
        let ids = ["1000000099", "1000000008", "1000000057", "1000000016"]
        try db.inTransaction {
            try records.beginStaging()
            for (index, id) in ids.enumerated() {
                try records.insert(citizen(id, username: index == 1 ? "Saad.A" : nil), runRowID: run)
            }
            try records.flushStaged()
            return .commit
        }
        #expect(try column(db, "SELECT id FROM people ORDER BY rowid") == ids)
        #expect(try column(db, indexes) == indexesBefore)
        #expect(try db.scalarString("PRAGMA integrity_check") == "ok")
        // What the records read back as, on both engines: `flushedRecordsAreFoundWithTheirUsernames`.
    }

    /// A migrated store of `engine` with one run; returns its row id.
    private func store(_ engine: EngineStore.Engine) throws -> (EngineStore, Int64) {
        let store = try EngineStore(engine)
        try store.migrate()
        let run = try store.scalarInt(
            """
            INSERT INTO runs (run_key, started_at, run_date, mode, status)
            VALUES ('r1', '2024-05-01T22:00:00Z', '2024-05-01', 'snapshot', 'committed') RETURNING id
            """)
        return (store, try #require(run))
    }

    @Test(arguments: EngineStore.Engine.available)
    func flushedRecordsAreFoundWithTheirUsernames(engine: EngineStore.Engine) throws {
        let (store, run) = try store(engine)
        let ids = ["1000000099", "1000000008", "1000000057", "1000000016"]
        try store.inRunTransaction { records in
            try records.beginStaging()
            for (index, id) in ids.enumerated() {
                try records.insert(citizen(id, username: index == 1 ? "Saad.A" : nil), runRowID: run)
            }
            try records.flushStaged()
        }
        var found: [Bool] = []
        try store.inRunTransaction { records in
            // As in a merge: `find` comes after `beginStaging`.
            try records.beginStaging()
            found.append(try records.find(.citizen, id: "1000000057", unlessHash: nil)?.record == citizen("1000000057"))
            found.append(try records.find(.resident, id: "1000000057", unlessHash: nil) == nil)
            found.append(try records.usernameOwner(key: "saad.a") == "1000000008")
            found.append(try records.personExists("1000000016"))
            found.append(try !records.personExists("1000000024"))
        }
        #expect(found == [true, true, true, true, true])
    }

    /// With as many people stored as staged (SQLite drops and rebuilds the indexes) or more (kept).
    @Test(arguments: EngineStore.Engine.available, [1, 4])
    func flushRefusesAnIDAlreadyStored(engine: EngineStore.Engine, stored: Int) throws {
        let (store, run) = try store(engine)
        let ids = ["1000000008", "1000000016", "1000000024", "1000000032"].prefix(stored)
        try store.inRunTransaction { records in
            try records.beginStaging()
            for id in ids { try records.insert(citizen(id), runRowID: run) }
            try records.flushStaged()
        }
        #expect(throws: (any Error).self) {
            try store.inRunTransaction { records in
                try records.beginStaging()
                try records.insert(citizen("1000000008", name: "Other"), runRowID: run)
                try records.flushStaged()
            }
        }
        #expect(try store.scalarInt("SELECT count(*) FROM people WHERE name_en = 'Saad'") == Int64(stored))
        #expect(try store.scalarInt("SELECT count(*) FROM people") == Int64(stored))
        if engine == .sqlite {
            let db = try Database(path: store.location)
            defer { db.close() }
            #expect(try column(db, indexes).count == 3)
            #expect(try db.scalarString("PRAGMA integrity_check") == "ok")
        }
    }

    @Test(arguments: EngineStore.Engine.available)
    func forEachStoredGivesEveryRecordOfTheKindOnce(engine: EngineStore.Engine) throws {
        let (store, run) = try store(engine)
        try store.execute(
            """
            INSERT INTO people (id, kind, active, record_hash, first_run_id) VALUES
                ('1000000099', 'citizen', 1, -1, \(run)), ('2000000006', 'resident', 1, 5, \(run)),
                ('1000000008', 'citizen', 0, 7, \(run)), ('1000000057', 'citizen', 1, 9, \(run));
            """)
        var seen: [String] = []
        try store.inRunTransaction { records in
            try records.forEachStored(.citizen) { id, active, hash in
                seen.append("\(RowFacts.idText(id)) \(active) \(Int64(bitPattern: hash))")
            }
        }
        // In no specified order.
        #expect(seen.sorted() == ["1000000008 false 7", "1000000057 true 9", "1000000099 true -1"])
    }

    /// By key, the active people among the IDs asked for: not an inactive one, not one not asked for, nothing
    /// for an ID the store does not hold; both kinds.
    @Test(arguments: EngineStore.Engine.available)
    func activePeopleAmongIDsAreThoseAskedForOnly(engine: EngineStore.Engine) throws {
        let (store, run) = try store(engine)
        try store.execute(
            """
            INSERT INTO people (id, kind, name_en, birth_date, active, record_hash, first_run_id) VALUES
                ('1000000099', 'citizen', 'Saad', '1990-01-02', 1, 1, \(run)),
                ('2000000006', 'resident', 'Ali', '1985-03-04', 1, 2, \(run)),
                ('1000000008', 'citizen', 'Omar', '1970-05-06', 0, 3, \(run)),
                ('1000000057', 'citizen', 'Badr', '1999-07-08', 1, 4, \(run));
            """)
        var seen: [String] = []
        try store.inRunTransaction { records in
            try records.forEachActivePerson(among: ["2000000006", "1000000008", "1000000099", "1000000016"]) {
                seen.append(
                    [$0.id, $0.kind, $0.nameEn, $0.birthDate].map { String(decoding: $0, as: UTF8.self) }
                        .joined(separator: " "))
            }
            try records.forEachActivePerson(among: []) { _ in seen.append("none asked") }
        }
        // In no specified order.
        #expect(seen.sorted() == ["1000000099 citizen Saad 1990-01-02", "2000000006 resident Ali 1985-03-04"])
    }

    /// One pass for both kinds gives what a pass of each gives, each record with its kind; an ID of another
    /// shape (edited by hand) is left out of both, as `forEachStored` leaves it out.
    @Test(arguments: EngineStore.Engine.available)
    func forEachStoredPersonGivesWhatEachKindsPassGives(engine: EngineStore.Engine) throws {
        let (store, run) = try store(engine)
        try store.execute(
            """
            INSERT INTO people (id, kind, active, record_hash, first_run_id) VALUES
                ('1000000099', 'citizen', 1, -1, \(run)), ('2000000006', 'resident', 1, 5, \(run)),
                ('1000000008', 'citizen', 0, 7, \(run)), ('2000000014', 'resident', 0, 9, \(run)),
                ('10000000', 'citizen', 1, 11, \(run)), ('1000000024', 'resident', 1, 13, \(run));
            """)
        var together: [String] = []
        var each: [String] = []
        try store.inRunTransaction { records in
            try records.forEachStoredPerson { kind, id, active, hash in
                together.append("\(kind.rawValue) \(RowFacts.idText(id)) \(active) \(Int64(bitPattern: hash))")
            }
            for kind in [RecordKind.citizen, .resident] {
                try records.forEachStored(kind) { id, active, hash in
                    each.append("\(kind.rawValue) \(RowFacts.idText(id)) \(active) \(Int64(bitPattern: hash))")
                }
            }
        }
        #expect(together.sorted() == each.sorted())
        #expect(
            together.sorted() == [
                "citizen 1000000008 false 7", "citizen 1000000099 true -1", "resident 2000000006 true 5",
                "resident 2000000014 false 9",
            ])
    }

    /// By key, the owners of the usernames asked for that someone holds: not one not asked for, nothing for a
    /// key nobody holds; keys with the characters an array literal quotes, and more keys than one query of the
    /// PostgreSQL engine takes.
    @Test(arguments: EngineStore.Engine.available)
    func usernameOwnersAmongKeysAreThoseAskedFor(engine: EngineStore.Engine) throws {
        let (store, run) = try store(engine)
        try store.execute(
            """
            INSERT INTO people (id, kind, username, username_key, active, record_hash, first_run_id) VALUES
                ('1000000099', 'citizen', 'Saad.One', 'saad.one', 1, 1, \(run)),
                ('2000000006', 'resident', 'ali_k', 'ali_k', 0, 2, \(run)),
                ('1000000008', 'citizen', 'a"b\\c,d', 'a"b\\c,d', 1, 3, \(run)),
                ('1000000057', 'citizen', 'other.one', 'other.one', 1, 4, \(run));
            """)
        let missing = (0..<12_000).map { "nobody.\($0)" }
        var owners: [String: String] = [:]
        var none: [String: String] = ["x": "y"]
        try store.inRunTransaction { records in
            owners = try records.usernameOwners(among: missing + ["ali_k", "saad.one", "a\"b\\c,d", "Saad.One"])
            none = try records.usernameOwners(among: [])
        }
        #expect(owners == ["saad.one": "1000000099", "ali_k": "2000000006", "a\"b\\c,d": "1000000008"])
        #expect(none.isEmpty)
    }
}
