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

/// A later night keeps in memory, while it first reads a file, the records the store holds no active record
/// like (new, changed, inactive), and merges from them without reading the file again; over its budget it
/// reads the file again as before. Every way must give the same store, `changes.csv` and outcome.
@Suite struct KeptRecordsTests {
    struct Nights {
        var outcomes: [RunOutcome]
        var people: [String]
        var sponsors: [String]
        var changes: [String]
        var changesCSV: [String]
    }

    static let citizensHeader =
        "national_id,name_ar,name_en,birth_date,gender,mobile,email,username,preferred_language,id_expiry\n"
    static let residentsHeader =
        "iqama_number,name_en,name_ar,nationality,birth_date,gender,mobile,email,username,preferred_language,sponsor_id,iqama_expiry\n"

    /// Night 1, then night 2: one record unchanged but written another way, one changed, one new, one gone,
    /// a conflicting repeat of an ID, an identical repeat of a changed row; night 3 brings the gone one back.
    static let nights: [(citizens: String, residents: String)] = [
        (
            citizensHeader + """
                \(testID(1, 1)),سعد,Saad,1990-01-02,M,0551234567,,saad.one,ar,2030-01-01
                \(testID(1, 2)),سعد,Saad,1990-01-02,M,0551234568,,,ar,2030-01-01
                \(testID(1, 3)),سعد,Saad,1990-01-02,M,0551234569,,,ar,2030-01-01
                \(testID(1, 4)),سعد,Saad,1990-01-02,M,0551234570,,,ar,2030-01-01

                """,
            residentsHeader + """
                \(testID(2, 1)),John Smith,,GBR,1985-05-05,M,0561234567,,,en,\(testID(7, 1)),2030-01-01

                """
        ),
        (
            citizensHeader + """
                \(testID(1, 1)),"سعد",Saad,02/01/1990,male,+966 55 123 4567,,saad.one,AR,01/01/2030
                \(testID(1, 2)),سعد,Saad,1990-01-02,M,0551234599,,,ar,2030-01-01
                \(testID(1, 2)),سعد,Saad,1990-01-02,M,0551234599,,,ar,2030-01-01
                \(testID(1, 4)),سعد,Saad,1990-01-02,M,0551234570,,,ar,2030-01-01
                \(testID(1, 4)),سعد,Sami,1990-01-02,M,0551234570,,,ar,2030-01-01
                \(testID(1, 5)),سعد,Saad,1991-03-04,F,0551234571,,,en,2031-01-01

                """,
            residentsHeader + """
                \(testID(2, 1)),John Smith,,GBR,1985-05-05,M,0561234567,,,en,\(testID(7, 1)),2030-01-01

                """
        ),
        (
            citizensHeader + """
                \(testID(1, 1)),سعد,Saad,1990-01-02,M,0551234567,,saad.one,ar,2030-01-01
                \(testID(1, 2)),سعد,Saad,1990-01-02,M,0551234599,,,ar,2030-01-01
                \(testID(1, 3)),سعد,Saad,1990-01-02,M,0551234569,,,ar,2030-01-01
                \(testID(1, 4)),سعد,Saad,1990-01-02,M,0551234570,,,ar,2030-01-01
                \(testID(1, 5)),سعد,Saad,1991-03-04,F,0551234571,,,en,2031-01-01

                """,
            residentsHeader + """
                \(testID(2, 1)),John Smith,,GBR,1985-05-05,M,0561234567,,,en,\(testID(7, 1)),2030-01-01

                """
        ),
    ]

    /// The three nights into a fresh store with `budget` (`RunOptions.keptRecordsBudget`).
    static func run(budget: Int?) throws -> Nights {
        let folder = TempFolder("absher-kept")
        var outcomes: [RunOutcome] = []
        var changesCSV: [String] = []
        for (night, files) in nights.enumerated() {
            try FileManager.default.createDirectory(atPath: folder.url("n\(night)"), withIntermediateDirectories: true)
            let citizens = folder.write("n\(night)/citizens.csv", files.citizens)
            let residents = folder.write("n\(night)/residents.csv", files.residents)
            let sponsors = folder.write(
                "n\(night)/sponsors.csv",
                "sponsor_id,sponsor_type,name,mobile,email\n\(testID(7, 1)),establishment,شركة,,\n")
            let inputs = [
                InputFile(kind: .citizen, path: citizens), InputFile(kind: .resident, path: residents),
                InputFile(kind: .sponsor, path: sponsors),
            ]
            var options = RunOptions(command: .run, inputs: inputs, runDate: GregorianDate(iso: "2026-11-25")!)
            options.storePath = folder.url("absher.sqlite")
            options.reportsParent = folder.url("Reports")
            options.maxRejectRate = 1
            options.maxDeactivateRate = 1
            options.runID = "2026-11-2\(night + 5)T000000Z"
            options.keptRecordsBudget = budget
            let outcome = ImportRun.run(options)
            #expect(outcome.status == .committed, "night \(night + 1): \(String(describing: outcome.failure))")
            outcomes.append(outcome)
            changesCSV.append(
                try String(contentsOfFile: folder.url("Reports/\(options.runID!)/changes.csv"), encoding: .utf8))
        }
        let database = try Database(path: folder.url("absher.sqlite"), readOnly: true)
        defer { database.close() }
        return Nights(
            outcomes: outcomes, people: try database.rowTexts("SELECT * FROM people ORDER BY id"),
            sponsors: try database.rowTexts("SELECT * FROM sponsors ORDER BY id"),
            changes: try database.rowTexts(
                "SELECT run_id, record_id, record_kind, change, field, old_value, new_value FROM changes ORDER BY id"),
            changesCSV: changesCSV)
    }

    @Test(arguments: [1, 0])
    func keptRecordsGiveWhatReadingAgainGives(budget: Int) throws {
        // 1 byte: the first record over the budget, every file read again; 0: nothing kept at all.
        let kept = try Self.run(budget: nil)
        let readAgain = try Self.run(budget: budget)
        #expect(kept.people == readAgain.people)
        #expect(kept.sponsors == readAgain.sponsors)
        #expect(kept.changes == readAgain.changes)
        #expect(kept.changesCSV == readAgain.changesCSV)
        #expect(kept.outcomes.map(\.changeCounts) == readAgain.outcomes.map(\.changeCounts))
        #expect(kept.outcomes.map(\.findings) == readAgain.outcomes.map(\.findings))
        #expect(kept.people.count == 6)
        // Night 2: the changed mobile, the new citizen, the gone one deactivated; the one written another way
        // is unchanged. Night 3: the gone one is back.
        let second = kept.outcomes[1].changeCounts
        #expect(second[.new] == 1)
        #expect(second[.deactivated] == 1)
        #expect(second[.unchanged] == 3)
        #expect(kept.outcomes[2].changeCounts[.reactivated] == 1)
    }

    /// The files are rewritten as soon as their first pass ends: a night that keeps what it merges never
    /// reads them again and commits; one that must read them again finds them changed and fails.
    @Test(arguments: [nil, 0] as [Int?])
    func aKeptNightReadsEachFileOnce(budget: Int?) throws {
        let folder = TempFolder("absher-kept-once")
        var paths: [String] = []
        for night in 0..<2 {
            try FileManager.default.createDirectory(atPath: folder.url("n\(night)"), withIntermediateDirectories: true)
            paths = [
                folder.write("n\(night)/citizens.csv", Self.nights[night].citizens),
                folder.write("n\(night)/residents.csv", Self.nights[night].residents),
            ]
            var options = RunOptions(
                command: .run,
                inputs: [InputFile(kind: .citizen, path: paths[0]), InputFile(kind: .resident, path: paths[1])],
                runDate: GregorianDate(iso: "2026-11-25")!)
            options.storePath = folder.url("absher.sqlite")
            options.reportsParent = folder.url("Reports")
            options.maxRejectRate = 1
            options.maxDeactivateRate = 1
            options.mode = .delta
            options.keptRecordsBudget = budget
            let rewrite: ProgressHandler = { file, bytesRead, fileSize, _ in
                guard night == 1, bytesRead == fileSize else { return }
                try? Data((Self.citizensHeader + "\n").utf8).write(to: URL(fileURLWithPath: file.path))
            }
            let outcome = ImportRun.run(options, progress: rewrite)
            if night == 0 || budget == nil {
                #expect(outcome.status == .committed, "\(String(describing: outcome.failure))")
            } else {
                #expect(outcome.status == .failed)
            }
        }
    }

    /// The hashes of a loaded store: every active record's is found, an inactive one's and others are not.
    @Test func storedHashesFindTheActiveRecords() throws {
        let folder = TempFolder("absher-kept-hashes")
        let inputs = try InputFile.discover(
            in: ReadingTestSupport.packageRoot.appendingPathComponent("SampleData").path
        )
        .files
        var options = RunOptions(command: .run, inputs: inputs, runDate: GregorianDate(iso: "2026-11-25")!)
        options.storePath = folder.url("absher.sqlite")
        options.reportsParent = folder.url("Reports")
        options.maxRejectRate = 1
        #expect(ImportRun.run(options).status == .committed)
        let database = try Database(path: options.storePath)
        defer { database.close() }
        try database.execute("UPDATE people SET active = 0 WHERE rowid = (SELECT min(rowid) FROM people)")
        let store = RecordStore(database: database)
        let hashes = try StoredHashes(store, kinds: [.citizen, .resident, .sponsor])
        var active: [UInt64] = []
        var inactive: [UInt64] = []
        for kind in RecordKind.allCases {
            try store.forEachStored(kind) { _, isActive, hash in
                if isActive { active.append(hash) } else { inactive.append(hash) }
            }
        }
        #expect(active.count > 10)
        #expect(inactive.count == 1)
        #expect(hashes.count == active.count)
        #expect(active.allSatisfy { hashes.contains($0) })
        #expect(!inactive.contains { hashes.contains($0) })
        let stored = Set(active)
        for hash in active where !stored.contains(hash &+ 1) { #expect(!hashes.contains(hash &+ 1)) }
        #expect(!hashes.contains(0) || stored.contains(0))
        #expect(!hashes.contains(.max) || stored.contains(.max))
        hashes.release()
        #expect(!active.contains { hashes.contains($0) })
    }

    @Test func overTheBudgetAFileKeepsNothing() throws {
        let folder = TempFolder("absher-kept-budget")
        let store = try Database(path: folder.url("absher.sqlite"))
        try Migrations.migrate(store)
        defer { store.close() }
        let hashes = try StoredHashes(RecordStore(database: store), kinds: [.citizen])
        #expect(hashes.count == 0)
        let record = CanonicalRecord(
            kind: .citizen, id: testID(1, 1),
            values: RecordKind.citizen.fields.map { _ in "x" })
        let roomy = KeptRecords(hashes: hashes, budget: 1 << 20)
        roomy.offer(row: 0, record: record, hash: record.contentHash)
        roomy.offer(row: 3, record: record, hash: record.contentHash)
        #expect(roomy.isComplete)
        #expect(roomy.take([3])?.count == 1)
        let tight = KeptRecords(hashes: hashes, budget: 300)
        tight.offer(row: 0, record: record, hash: record.contentHash)
        #expect(tight.isComplete)
        tight.offer(row: 1, record: record, hash: record.contentHash)
        #expect(!tight.isComplete)
        #expect(tight.take([0]) == nil)
    }
}
