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

/// `RecordStore`'s staging and scans, on migrated stores in temp folders.
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
        #expect(try records.find(.citizen, id: "1000000057")?.record == citizen("1000000057"))
        #expect(try records.usernameOwner(key: "saad.a") == "1000000008")
    }

    /// With as many people stored as staged (indexes dropped and rebuilt) or more (indexes kept).
    @Test(arguments: [1, 4])
    func flushRefusesAnIDAlreadyStored(stored: Int) throws {
        let folder = try StoreTestDirectory()
        let (db, run) = try store(folder)
        let records = RecordStore(database: db)
        let ids = ["1000000008", "1000000016", "1000000024", "1000000032"].prefix(stored)
        try db.inTransaction {
            try records.beginStaging()
            for id in ids { try records.insert(citizen(id), runRowID: run) }
            try records.flushStaged()
            return .commit
        }
        let indexesBefore = try column(db, indexes)
        let error = #expect(throws: DatabaseError.self) {
            try db.inTransaction {
                try records.beginStaging()
                try records.insert(citizen("1000000008", name: "Other"), runRowID: run)
                try records.flushStaged()
                return .commit
            }
        }
        #expect(error?.resultCode == SQLiteExtendedCode.constraintUnique)
        #expect(try column(db, "SELECT name_en FROM people ORDER BY id") == Array(repeating: "Saad", count: stored))
        #expect(try column(db, indexes) == indexesBefore)
    }

    @Test func forEachStoredGivesEveryRecordOfTheKindOnce() throws {
        let folder = try StoreTestDirectory()
        let (db, run) = try store(folder)
        try db.execute(
            """
            INSERT INTO people (id, kind, active, record_hash, first_run_id) VALUES
                ('1000000099', 'citizen', 1, -1, \(run)), ('2000000006', 'resident', 1, 5, \(run)),
                ('1000000008', 'citizen', 0, 7, \(run)), ('1000000057', 'citizen', 1, 9, \(run));
            """)
        var seen: [String] = []
        try RecordStore(database: db).forEachStored(.citizen) { id, active, hash in
            seen.append("\(RowFacts.idText(id)) \(active) \(Int64(bitPattern: hash))")
        }
        // In no specified order.
        #expect(seen.sorted() == ["1000000008 false 7", "1000000057 true 9", "1000000099 true -1"])
    }
}
