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

/// A first load stages the rows that pass the field rules while it reads the files (one pass), then takes
/// back those the reconciler rejects. Every other run reads the files twice. Both ways must give the same
/// store, the same `changes.csv` and the same outcome: these tests run the same files both ways.
@Suite struct FirstLoadStagingTests {
    /// One first load into a fresh store: what a reader of the store and of the reports sees.
    struct Load {
        var outcome: RunOutcome
        var people: [String]
        var sponsors: [String]
        var changesCSV: String
    }

    static func firstLoad(_ inputs: [InputFile], staged: Bool, mode: RunOptions.Mode = .snapshot) throws -> Load {
        let folder = TempFolder("absher-staging")
        var options = RunOptions(command: .run, inputs: inputs, runDate: GregorianDate(iso: "2026-11-25")!)
        options.storePath = folder.url("absher.sqlite")
        options.reportsParent = folder.url("Reports")
        options.maxRejectRate = 1
        options.mode = mode
        options.runID = "2026-11-25T000000Z"
        options.stagesFirstLoad = staged
        let outcome = ImportRun.run(options)
        let database = try Database(path: options.storePath, readOnly: true)
        defer { database.close() }
        let changes = try String(
            contentsOfFile: folder.url("Reports/\(options.runID!)/changes.csv"), encoding: .utf8)
        return Load(
            outcome: outcome, people: try database.rowTexts("SELECT * FROM people ORDER BY id"),
            sponsors: try database.rowTexts("SELECT * FROM sponsors ORDER BY id"), changesCSV: changes)
    }

    static func expectSame(_ staged: Load, _ twoPass: Load) {
        #expect(staged.outcome.status == .committed)
        #expect(staged.outcome.status == twoPass.outcome.status)
        #expect(staged.outcome.exitStatus == twoPass.outcome.exitStatus)
        #expect(staged.people == twoPass.people)
        #expect(staged.sponsors == twoPass.sponsors)
        #expect(staged.changesCSV == twoPass.changesCSV)
        #expect(staged.outcome.changeCounts == twoPass.outcome.changeCounts)
        #expect(staged.outcome.findings == twoPass.outcome.findings)
        #expect(staged.outcome.files.map(\.accepted) == twoPass.outcome.files.map(\.accepted))
        #expect(staged.outcome.files.map(\.rejected) == twoPass.outcome.files.map(\.rejected))
    }

    /// The schema's indexes of `people`, as a fresh store has them.
    static let indexQuery =
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'people' ORDER BY name"

    static func indexes(_ path: String) throws -> [String] {
        let database = try Database(path: path, readOnly: true)
        defer { database.close() }
        let statement = try database.prepare(indexQuery)
        var rows: [String] = []
        while try statement.step() {
            rows.append("\(statement.columnString(0) ?? ""): \(statement.columnString(1) ?? "")")
        }
        return rows
    }

    /// A first load drops the indexes of `people` while it stages, and builds them again: after a commit,
    /// and after a run that ends otherwise (rolled back), the store has every index of a fresh store. Built
    /// aside (`FirstLoadFile`), a run that does not commit leaves no store at all.
    @Test(arguments: ["commit", "dry-run", "reject-rate"], [true, false])
    func firstLoadLeavesEveryIndex(ending: String, aside: Bool) throws {
        let folder = TempFolder("absher-staging-indexes")
        let fresh = folder.url("fresh.sqlite")
        let empty = try Database(path: fresh)
        try Migrations.migrate(empty)
        empty.close()
        let expected = try Self.indexes(fresh)
        #expect(expected.count == 3)

        let inputs = try InputFile.discover(
            in: ReadingTestSupport.packageRoot.appendingPathComponent("SampleData").path
        )
        .files
        var options = RunOptions(command: .run, inputs: inputs, runDate: GregorianDate(iso: "2026-11-25")!)
        options.storePath = folder.url("absher.sqlite")
        options.reportsParent = folder.url("Reports")
        options.maxRejectRate = ending == "reject-rate" ? 0.001 : 1
        options.dryRun = ending == "dry-run"
        options.buildsFirstLoadAside = aside
        let outcome = ImportRun.run(options)
        #expect(outcome.status == (ending == "commit" ? .committed : ending == "dry-run" ? .dryRun : .aborted))
        if aside && ending != "commit" {
            #expect(!FileManager.default.fileExists(atPath: options.storePath))
            return
        }
        #expect(try Self.indexes(options.storePath) == expected)
        let database = try Database(path: options.storePath, readOnly: true)
        defer { database.close() }
        #expect(try database.scalarString("PRAGMA integrity_check") == "ok")
        let people = try database.scalarInt("SELECT count(*) FROM people") ?? -1
        #expect(ending == "commit" ? people > 0 : people == 0)
    }

    @Test func sampleDataGivesTheSameStoreEitherWay() throws {
        let inputs = try InputFile.discover(
            in: ReadingTestSupport.packageRoot.appendingPathComponent("SampleData").path
        )
        .files
        #expect(inputs.count == 3)
        let staged = try Self.firstLoad(inputs, staged: true)
        let twoPass = try Self.firstLoad(inputs, staged: false)
        #expect(staged.people.count > 10)
        Self.expectSame(staged, twoPass)
    }

    /// Rows that pass the field rules and that the reconciler then rejects or folds into an earlier row
    /// must leave the staging tables: conflicting and identical repeats of an ID, a username claimed twice
    /// across files, a resident whose sponsor is nowhere, in both modes.
    @Test(arguments: [RunOptions.Mode.snapshot, .delta])
    func rowsTheReconcilerRejectsAreNotStored(mode: RunOptions.Mode) throws {
        let folder = TempFolder("absher-staging-rows")
        let citizens = folder.write(
            "citizens.csv",
            """
            national_id,name_ar,name_en,birth_date,gender,mobile,email,username,preferred_language,id_expiry
            \(testID(1, 1)),سعد,Saad,1990-01-02,M,0551234567,,saad.one,ar,2030-01-01
            \(testID(1, 2)),سعد,Saad,1990-01-02,M,0551234568,,,ar,2030-01-01
            \(testID(1, 2)),سعد,Saad,1990-01-02,M,0551234568,,,ar,2030-01-01
            \(testID(1, 3)),سعد,Saad,1990-01-02,M,0551234569,,,ar,2030-01-01
            \(testID(1, 3)),سعد,Sami,1990-01-02,M,0551234569,,,ar,2030-01-01
            \(testID(1, 4)),سعد,Saad,1990-01-02,M,bad,,,ar,2030-01-01
            \(testID(1, 5)),سعد,Saad,1990-01-02,M,0551234570,,shared.name,ar,2030-01-01

            """)
        let residents = folder.write(
            "residents.csv",
            """
            iqama_number,name_en,name_ar,nationality,birth_date,gender,mobile,email,username,preferred_language,sponsor_id,iqama_expiry
            \(testID(2, 1)),John Smith,,GBR,1985-05-05,M,0561234567,,,en,\(testID(7, 1)),2030-01-01
            \(testID(2, 2)),John Smith,,GBR,1985-05-05,M,0561234568,,Shared.Name,en,\(testID(7, 1)),2030-01-01
            \(testID(2, 3)),John Smith,,GBR,1985-05-05,M,0561234569,,,en,\(testID(7, 9)),2030-01-01

            """)
        let sponsors = folder.write(
            "sponsors.csv", "sponsor_id,sponsor_type,name,mobile,email\n\(testID(7, 1)),establishment,شركة,,\n")
        let inputs = [
            InputFile(kind: .citizen, path: citizens), InputFile(kind: .resident, path: residents),
            InputFile(kind: .sponsor, path: sponsors),
        ]
        let staged = try Self.firstLoad(inputs, staged: true, mode: mode)
        let twoPass = try Self.firstLoad(inputs, staged: false, mode: mode)
        Self.expectSame(staged, twoPass)
        let storedIDs = staged.people.map { String($0.prefix(10)) }
        // The identical repeat is stored once; the conflicting repeat, the bad mobile, both claims of the
        // shared username and the resident with an unknown sponsor are not stored at all.
        #expect(storedIDs == [testID(1, 1), testID(1, 2), testID(2, 1)])
        #expect(staged.sponsors.count == 1)
        #expect(staged.outcome.changeCounts[.new] == 4)
    }
}
