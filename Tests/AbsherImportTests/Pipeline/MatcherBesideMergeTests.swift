import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import Foundation
import Testing

@testable import AbsherImport

/// A later night runs the matcher (contract §4b) on a thread of its own beside the merge, reading a view of the
/// store's last commit: it must find what it finds before the merge, the store's people as they were before
/// the run included, and leave the same reports and store. Real SQLite files, real CSV files, both ways.
@Suite struct MatcherBesideMergeTests {
    static let resident = "2023456789"
    static let citizen = "1012345672"
    /// A citizen of the second night who is another citizen of the same night entered twice.
    static let twinA = testID(1, 71)
    static let twinB = testID(1, 72)

    /// What a reader of the second night's reports and of the store sees.
    struct Night: Equatable {
        var status: RunStatus
        var matches: [String]
        var warnings: [String]
        var changesCSV: String
        var matchesCSV: String
        var storedPairs: [String]
        var people: [String]
    }

    static func secondNight(
        beside: Bool, mode: RunOptions.Mode, dismissed: (String, String)? = nil, opensView: Bool = true
    ) throws -> Night {
        let folder = TempFolder("absher-beside")
        for night in ["n1", "n2"] {
            try FileManager.default.createDirectory(atPath: folder.url(night), withIntermediateDirectories: true)
        }
        folder.write(
            "n1/residents.csv",
            """
            iqama_number,name_en,nationality,birth_date,gender,mobile,sponsor_id
            \(resident),Imran Khan,PAK,1988-04-12,M,0551234567,7000000001
            2055512343,Rahul Kumar,IND,1990-01-05,M,0557654321,7000000001

            """)
        folder.write("n1/sponsors.csv", "sponsor_id,sponsor_type,name\n7000000001,establishment,Acme\n")
        // The resident naturalised (a father's name added, the other date layout, a new mobile), and one
        // person entered twice by two offices; the second resident is gone (snapshot: deactivated).
        folder.write(
            "n2/citizens.csv",
            """
            national_id,name_ar,name_en,birth_date,gender,mobile
            \(citizen),عمران شاهد خان,IMRAN SHAHID KHAN,12/04/1988,M,0501112223
            \(twinA),ثامر عبدالله السديري,Thamer Abdullah Alsudairi,1979-03-02,M,0503334445
            \(twinB),ثامر السديري,Thamer Alsudairy,1979-03-02,M,0503334445

            """)
        folder.write("n2/residents.csv", "iqama_number,name_en,nationality,birth_date,gender,mobile,sponsor_id\n")
        folder.write("n2/sponsors.csv", "sponsor_id,sponsor_type,name\n7000000001,establishment,Acme\n")
        func options(_ night: String, runID: String) throws -> RunOptions {
            var options = RunOptions(
                command: .run, inputs: try InputFile.discover(in: folder.url(night)).files,
                runDate: GregorianDate(iso: "2026-11-25")!)
            options.storePath = folder.url("absher.sqlite")
            options.reportsParent = folder.url("Reports")
            options.maxRejectRate = 1
            options.maxDeactivateRate = 1
            options.mode = mode
            options.runID = runID
            options.matchesBesideMerge = beside
            options.opensMatcherView = opensView
            return options
        }
        #expect(ImportRun.run(try options("n1", runID: "2026-11-24T000000Z")).status == .committed)
        if let (first, second) = dismissed {
            let engine = try StoreEngines.open(folder.url("absher.sqlite"), lockTimeoutSeconds: 0)
            defer { engine.close() }
            try engine.inRunTransaction { store in
                try store.dismiss(
                    DismissedPair(first, second, dismissedBy: "reviewer7", dismissedAt: "2026-11-24T12:00:00Z"))
                return .commit
            }
        }
        let outcome = ImportRun.run(try options("n2", runID: "2026-11-25T000000Z"))
        let database = try Database(path: folder.url("absher.sqlite"), readOnly: true)
        defer { database.close() }
        return Night(
            status: outcome.status,
            matches: outcome.matches.map { "\($0.record.id) \($0.other.id) \($0.other.fromStore) \($0.scoreText)" },
            warnings: outcome.findings.filter { $0.rule == .personPossibleDuplicate }.map {
                "\($0.file):\($0.line ?? 0) \($0.recordID) \($0.value)"
            },
            changesCSV: folder.read("Reports/2026-11-25T000000Z/changes.csv"),
            matchesCSV: folder.read("Reports/2026-11-25T000000Z/matches.csv"),
            storedPairs: try database.rowTexts(
                "SELECT first_id, second_id, score, reasons FROM match_pairs ORDER BY 1, 2"),
            people: try database.rowTexts("SELECT id, active FROM people ORDER BY id"))
    }

    @Test(arguments: [RunOptions.Mode.snapshot, .delta])
    func besideTheMergeItFindsWhatItFindsBeforeIt(mode: RunOptions.Mode) throws {
        let beside = try Self.secondNight(beside: true, mode: mode)
        let before = try Self.secondNight(beside: false, mode: mode)
        #expect(beside.status == .committed)
        // The store's resident (as it was before the run: snapshot mode deactivates the other resident in the
        // same transaction) and the pair within the night.
        #expect(beside.matches.count == 2, "\(beside.matches)")
        #expect(beside.matches.contains { $0.hasPrefix("\(Self.citizen) \(Self.resident) true") })
        #expect(beside.warnings.count == 3, "\(beside.warnings)")
        #expect(beside.storedPairs.count == 2)
        #expect(beside == before)
    }

    @Test func aDismissedPairStaysDismissedBesideTheMerge() throws {
        let beside = try Self.secondNight(beside: true, mode: .snapshot, dismissed: (Self.resident, Self.citizen))
        let before = try Self.secondNight(beside: false, mode: .snapshot, dismissed: (Self.resident, Self.citizen))
        #expect(!beside.matches.contains { $0.contains(Self.resident) })
        #expect(beside.matches.count == 1)
        #expect(beside == before)
    }

    /// When the matcher's view of the store cannot be opened, the run does not fail: the matcher runs after the
    /// merge on the run's own connection, and finds what it finds before the merge.
    @Test(arguments: [RunOptions.Mode.snapshot, .delta])
    func withoutItsViewTheMatcherRunsAfterTheMerge(mode: RunOptions.Mode) throws {
        let after = try Self.secondNight(beside: true, mode: mode, opensView: false)
        let before = try Self.secondNight(beside: false, mode: mode)
        #expect(after.status == .committed)
        #expect(after.matches.count == 2, "\(after.matches)")
        #expect(after == before)
        let dismissed = try Self.secondNight(
            beside: true, mode: mode, dismissed: (Self.resident, Self.citizen), opensView: false)
        #expect(dismissed.matches.count == 1 && !dismissed.matches.contains { $0.contains(Self.resident) })
    }
}
