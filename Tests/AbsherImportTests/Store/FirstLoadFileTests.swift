import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherStore
import Foundation
import Testing

@testable import AbsherImport

/// A run that finds no SQLite store builds it in `STORE.first-load` with no log and no syncing, and links it
/// into place only when it commits (`FirstLoadFile`): real files in a temp folder, real runs of SampleData.
@Suite struct FirstLoadFileTests {
    static func sampleInputs() throws -> [InputFile] {
        try InputFile.discover(in: ReadingTestSupport.packageRoot.appendingPathComponent("SampleData").path).files
    }

    static func options(_ folder: TempFolder, store: String = "absher.sqlite") throws -> RunOptions {
        var options = RunOptions(command: .run, inputs: try sampleInputs(), runDate: GregorianDate(iso: "2026-11-25")!)
        options.storePath = folder.url(store)
        options.reportsParent = folder.url("Reports")
        options.maxRejectRate = 1
        return options
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// The folder's file names, sorted, the reports folder left out.
    static func files(_ folder: TempFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != "Reports" }.sorted()
    }

    @Test func aCommittedFirstLoadLeavesTheStoreInWALModeAndNothingBeside() throws {
        let folder = TempFolder("absher-aside")
        let outcome = ImportRun.run(try Self.options(folder))
        #expect(outcome.status == .committed)
        #expect(Self.files(folder) == ["absher.sqlite"])
        let database = try Database(path: folder.url("absher.sqlite"), readOnly: true)
        defer { database.close() }
        #expect(try database.scalarString("PRAGMA journal_mode") == "wal")
        #expect(try database.scalarString("PRAGMA integrity_check") == "ok")
        #expect((try database.scalarInt("SELECT count(*) FROM people") ?? 0) > 10)
        #expect(try database.scalarInt("SELECT count(*) FROM runs WHERE status = 'committed'") == 1)
        let info = try FileManager.default.attributesOfItem(atPath: folder.url("absher.sqlite"))
        #expect((info[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    /// A run that does not commit leaves no store at all, and no file beside where it would be: the state
    /// before the run.
    @Test(arguments: ["dry-run", "reject-rate", "unusable-input"])
    func aFirstLoadThatDoesNotCommitLeavesNoStore(ending: String) throws {
        let folder = TempFolder("absher-aside-rollback")
        var options = try Self.options(folder)
        options.dryRun = ending == "dry-run"
        if ending == "reject-rate" { options.maxRejectRate = 0.001 }
        if ending == "unusable-input" {
            let broken = folder.write("citizens.csv", "not,a,citizens,header\n1,2,3,4\n")
            options.inputs = [InputFile(kind: .citizen, path: broken)]
        }
        let outcome = ImportRun.run(options)
        #expect(outcome.status == (ending == "dry-run" ? .dryRun : ending == "reject-rate" ? .aborted : .failed))
        #expect(Self.files(folder).filter { $0.hasPrefix("absher.sqlite") } == [])
    }

    /// Built aside or through the WAL, a first load gives the same store and the same reports.
    @Test func buildingAsideGivesTheSameStoreAsTheWAL() throws {
        var loads: [[String]] = []
        for aside in [true, false] {
            let folder = TempFolder("absher-aside-same")
            var options = try Self.options(folder)
            options.runID = "2026-11-25T000000Z"
            options.buildsFirstLoadAside = aside
            let outcome = ImportRun.run(options)
            #expect(outcome.status == .committed)
            let database = try Database(path: options.storePath, readOnly: true)
            defer { database.close() }
            let changes = folder.read("Reports/\(options.runID!)/changes.csv")
            loads.append(
                try database.rowTexts("SELECT * FROM people ORDER BY id")
                    + database.rowTexts("SELECT * FROM sponsors ORDER BY id")
                    + database.rowTexts("SELECT record_id, record_kind, change FROM changes ORDER BY rowid")
                    + [changes])
        }
        #expect(loads[0].count > 20)
        #expect(loads[0] == loads[1])
    }

    /// A file left by a first load that crashed (here: bytes that are no database) is held by no one: the
    /// next first load empties it and builds the store.
    @Test func aFileLeftByACrashedFirstLoadIsEmptiedAndUsed() throws {
        let folder = TempFolder("absher-aside-stale")
        folder.write("absher.sqlite.first-load", String(repeating: "half a page of an earlier run ", count: 400))
        folder.write("absher.sqlite.first-load-wal", "a log that belongs to no database")
        let outcome = ImportRun.run(try Self.options(folder))
        #expect(outcome.status == .committed)
        #expect(Self.files(folder) == ["absher.sqlite"])
    }

    /// While one first load holds the lock, a second one finds it taken: it waits up to the lock timeout, then
    /// fails busy (exit 75), touching nothing. Once the first has published the store, a waiting claim
    /// finds the store there and opens it as usual.
    @Test func aSecondFirstLoadWaitsForTheFirstOne() async throws {
        let folder = TempFolder("absher-aside-lock")
        let store = folder.url("absher.sqlite")
        let first = try #require(try FirstLoadFile.claim(storePath: store, lockTimeoutSeconds: 0))
        #expect(first.path == store + ".first-load")
        do {
            _ = try FirstLoadFile.claim(storePath: store, lockTimeoutSeconds: 0.1)
            Issue.record("a second claim got the lock")
        } catch {
            #expect(error.isBusy)
            #expect(error.message.contains("another run is loading the store for the first time"))
        }
        var options = try Self.options(folder)
        let locked = ImportRun.run(options)
        #expect(locked.exitStatus == .locked)
        #expect(!Self.exists(store))

        // The first one publishes a store; a claim that waits then finds it and gives way.
        let database = try Database(path: first.path, journal: .unsyncedInMemory)
        try Migrations.migrate(database)
        try database.switchToWAL()
        database.close()
        let waiter = Task.detached { try FirstLoadFile.claim(storePath: store, lockTimeoutSeconds: 10) == nil }
        try first.publish()
        #expect(try await waiter.value)
        #expect(Self.files(folder) == ["absher.sqlite"])
        options.lockTimeoutSeconds = 0
        #expect(ImportRun.run(options).status == .committed)
    }

    /// A store that appears at its path while a first load builds (made by something that does not take the
    /// lock) is never overwritten: publishing fails busy and keeps nothing of the run.
    @Test func publishingNeverReplacesAStoreThatAppeared() throws {
        let folder = TempFolder("absher-aside-appeared")
        let store = folder.url("absher.sqlite")
        let file = try #require(try FirstLoadFile.claim(storePath: store, lockTimeoutSeconds: 0))
        try Data("somebody else's".utf8).write(to: URL(fileURLWithPath: store))
        do {
            try file.publish()
            Issue.record("published over an existing file")
        } catch {
            #expect(error.isBusy)
        }
        file.discard()
        #expect(folder.read("absher.sqlite") == "somebody else's")
        #expect(Self.files(folder) == ["absher.sqlite"])
    }

    /// A first load whose folder does not exist fails as a store that cannot be created (exit 73).
    @Test func aFirstLoadIntoAMissingFolderCannotCreateTheStore() throws {
        let folder = TempFolder("absher-aside-missing")
        let outcome = ImportRun.run(try Self.options(folder, store: "no/such/folder/absher.sqlite"))
        #expect(outcome.exitStatus == .cannotCreate)
        #expect(outcome.failure?.message.contains("no/such/folder/absher.sqlite") == true)
    }
}
