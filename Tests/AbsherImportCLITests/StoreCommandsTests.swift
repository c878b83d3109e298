import Foundation
import Testing

/// `run`, `lookup`, `runs` and `export` through the built binary on one store, the store lock between two real
/// processes (exit 75, or waiting with `--lock-timeout`), `--dry-run`, and a store path that is a folder.
@Suite struct StoreCommandsTests {
    /// A citizen of SampleData/citizens.csv (line 2) with no username, and one (line 3) with a username.
    static let citizen = "1830862718"
    static let citizenWithUsername = "1355495050"

    /// `run SampleData` (snapshot) into `<folder>/absher.sqlite`, reports under `<folder>/reports`.
    @discardableResult
    static func runSampleData(_ folder: TemporaryFolder, _ extra: [String] = []) throws -> BinaryRun {
        try BinaryRun.run(
            [
                "run", "SampleData", "--now", "2026-11-25", "--max-reject-rate", "1", "--quiet",
                "--store", folder.path + "/absher.sqlite", "--reports", folder.path + "/reports",
            ] + extra,
            in: BinaryRun.packageRoot)
    }

    static func lookup(_ value: String, _ folder: TemporaryFolder) throws -> BinaryRun {
        try BinaryRun.run(["lookup", value, "--store", folder.path + "/absher.sqlite"])
    }

    /// 20,000 generated rows in `<folder>/big`: enough to keep a debug build busy for several seconds (200,000
    /// would outlast the 60 s waits of the lock tests).
    static func generateBig(_ folder: TemporaryFolder) throws {
        let generate = Process()
        generate.executableURL = URL(
            fileURLWithPath: (BinaryRun.executable as NSString).deletingLastPathComponent + "/absher-datagen")
        generate.arguments = ["--out", folder.path + "/big", "--rows", "20000"]
        generate.standardOutput = FileHandle.nullDevice
        try generate.run()
        generate.waitUntilExit()
        #expect(generate.terminationStatus == 0)
    }

    /// `run SampleData` (delta) in the background, waiting up to 60 s for the lock of `store`.
    static func waitingRun(_ store: String, _ folder: TemporaryFolder) -> BackgroundBinaryRun {
        BackgroundBinaryRun(
            [
                "run", "SampleData", "--mode", "delta", "--now", "2026-11-25", "--max-reject-rate", "1",
                "--lock-timeout", "60", "--store", store, "--reports", folder.path + "/reports-waiting", "--quiet",
            ],
            in: BinaryRun.packageRoot)
    }

    @Test(arguments: [
        ("1830862718", citizen), ("١٨٣٠٨٦٢٧١٨", citizen),
        ("0565220656", citizen), ("+966 56 522 0656", citizen), ("565220656", citizen),
        ("alanoud.almalk634", citizenWithUsername), ("ALANOUD.ALMALK634", citizenWithUsername),
    ])
    func lookupFindsTheRecordAndItsHistoryByIdMobileOrUsername(value: String, id: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try Self.runSampleData(folder).status == 0)
        let run = try Self.lookup(value, folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("CITIZEN \(id)"))
        #expect(run.stdout.contains("history"))
        let historyLine = run.stdout.split(separator: "\n").first { $0.contains("2026-") && $0.hasSuffix("new") }
        #expect(historyLine != nil, "no history row with the change 'new'")
    }

    @Test func lookupOfNothingExitsOneAndOfAMissingStoreExits73() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try Self.runSampleData(folder).status == 0)
        for value in ["nobody.here", "1000000008", "0500000000"] {
            let run = try Self.lookup(value, folder)
            #expect(run.status == 1, "\(value)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("Nothing found"))
        }
        let missing = try BinaryRun.run(["lookup", Self.citizen, "--store", folder.path + "/none.sqlite"])
        #expect(missing.status == 73)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/none.sqlite"), "lookup created a store")
    }

    @Test func runsListsEveryRunWithItsCounts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try Self.runSampleData(folder).status == 0)
        #expect(try Self.runSampleData(folder, ["--mode", "delta"]).status == 0)
        let run = try BinaryRun.run(["runs", "--store", folder.path + "/absher.sqlite"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 3, "\(run.stdout)")
        #expect(lines.first?.hasPrefix("RUN") == true)
        #expect(lines.dropFirst().allSatisfy { $0.contains("committed") && $0.contains("228") })
        #expect(lines.count == 3 && lines[1].contains("snapshot") && lines[1].hasSuffix("160 new"))
        #expect(lines.count == 3 && lines[2].contains("delta") && lines[2].hasSuffix("160 unchanged"))
    }

    @Test func runOfAnExportChangesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try Self.runSampleData(folder).status == 0)
        let export = try BinaryRun.run(
            ["export", "--store", folder.path + "/absher.sqlite", "--out", folder.path + "/export"])
        #expect(export.status == 0)
        for name in ["citizens.csv", "residents.csv", "sponsors.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder.path + "/export/" + name))
        }
        let again = try BinaryRun.run(
            [
                "run", folder.path + "/export", "--now", "2026-11-25", "--store", folder.path + "/absher.sqlite",
                "--reports", folder.path + "/reports",
            ])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("0 rejected"))
        #expect(again.stdout.contains("changes: 160 unchanged"))
        #expect(
            try SampleDataTests.changeCounts(folder.path + "/reports/latest/summary.json") == ["unchanged": 160])
        #expect(try CSVTable(contentsOf: folder.path + "/reports/latest/changes.csv").rows.isEmpty)
    }

    @Test func dryRunLeavesTheStoreFileByteIdentical() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try Self.runSampleData(folder).status == 0)
        let store = folder.path + "/absher.sqlite"
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        try folder.write(
            "fix/sponsors.csv", "sponsor_id,sponsor_type,name\n7000000001,establishment,Acme\n")
        let dryRun = try BinaryRun.run(
            [
                "run", "--sponsors", folder.path + "/fix/sponsors.csv", "--mode", "delta", "--dry-run",
                "--now", "2026-11-25",
                "--store", store, "--reports", folder.path + "/reports",
            ])
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(dryRun.stdout.contains("dry-run"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        #expect(try Self.lookup("7000000001", folder).status == 1)
        let runs = try BinaryRun.run(["runs", "--store", store])
        #expect(runs.stdout.split(separator: "\n").count == 2, "the dry run is in the run log:\n\(runs.stdout)")
    }

    @Test func storePathThatIsAFolderExits73() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(
            atPath: folder.path + "/absher.sqlite", withIntermediateDirectories: true)
        let run = try Self.runSampleData(folder)
        #expect(run.status == 73)
        #expect(run.stderr.split(separator: "\n").last?.hasSuffix("(exit 73)") == true)
    }

    /// Two processes on one store: while the first holds the write lock, a second with `--lock-timeout 0` exits
    /// 75 and touches nothing; one with `--lock-timeout 60` waits for the first to commit and then commits.
    @Test func secondRunExits75WhileTheFirstHoldsTheLockOrWaitsWithALockTimeout() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = folder.path + "/absher.sqlite"
        // A store made and migrated beforehand, holding two sponsors, so that the lock probe meets no migration.
        try folder.write("clean/sponsors.csv", TemporaryFolder.cleanSponsors)
        let setup = try BinaryRun.run(
            [
                "run", "--sponsors", folder.path + "/clean/sponsors.csv", "--mode", "delta", "--store", store,
                "--reports", folder.path + "/reports-setup", "--quiet",
            ])
        #expect(setup.status == 0)
        try Self.generateBig(folder)

        // The first run holds the lock three seconds more before it commits (`ABSHER_IMPORT_PAUSE_AT`): its
        // 20,000 rows alone took less than the 1.1 s below on a quick machine.
        let first = BackgroundBinaryRun(
            [
                "run", folder.path + "/big", "--mode", "delta", "--now", "2026-11-25", "--max-reject-rate", "1",
                "--lock-timeout", "60", "--store", store, "--reports", folder.path + "/reports-first", "--quiet",
            ], environment: ["ABSHER_IMPORT_PAUSE_AT": "before-commit"])
        #expect(BackgroundBinaryRun.waitUntilLocked(store, seconds: 60), "the first run never took the lock")
        // Run ids have one-second resolution: start the others in a later second than the first (see the
        // known issue below).
        Thread.sleep(forTimeInterval: 1.1)
        #expect(BackgroundBinaryRun.storeIsLocked(store), "the first run ended too soon for this test")

        try folder.write(
            "renamed/sponsors.csv", "sponsor_id,sponsor_type,name\n7000000001,establishment,Renamed\n")
        let locked = try BinaryRun.run(
            [
                "run", "--sponsors", folder.path + "/renamed/sponsors.csv", "--mode", "delta", "--lock-timeout", "0",
                "--store", store, "--reports", folder.path + "/reports-locked",
            ])
        #expect(locked.status == 75)
        #expect(locked.stderr.split(separator: "\n").last?.hasSuffix("(exit 75)") == true)

        let waiting = Self.waitingRun(store, folder)
        let firstRun = try first.wait()
        #expect(firstRun.status == 0, "\(firstRun.stderr)")
        let waitingRun = try waiting.wait()
        #expect(waitingRun.status == 0, "\(waitingRun.stderr)")

        // The store holds the setup, the first and the waiting run, and nothing of the locked one.
        let runs = try BinaryRun.run(["runs", "--store", store]).stdout.split(separator: "\n")
        #expect(runs.count == 4, "\(runs)")
        let sponsor = try Self.lookup("7000000001", folder)
        #expect(sponsor.stdout.contains("Acme"))
        #expect(!sponsor.stdout.contains("Renamed"))
        #expect(try Self.lookup(Self.citizen, folder).status == 0)
    }

    /// Two first nights on one store path with no store yet: the first builds it in `absher.sqlite.first-load`
    /// and holds that file's lock; a second with `--lock-timeout 0` exits 75 and creates nothing, one with
    /// `--lock-timeout 60` waits, then finds the store the first one published and merges into it.
    @Test func aSecondFirstNightWaitsForTheStoreTheFirstIsBuilding() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = folder.path + "/absher.sqlite"
        try Self.generateBig(folder)

        // Three seconds more before it commits (`ABSHER_IMPORT_PAUSE_AT`), so that the locked run below meets it
        // building on a quick machine too.
        let first = BackgroundBinaryRun(
            [
                "run", folder.path + "/big", "--now", "2026-11-25", "--max-reject-rate", "1", "--store", store,
                "--reports", folder.path + "/reports-first", "--quiet",
            ], environment: ["ABSHER_IMPORT_PAUSE_AT": "before-commit"])
        // The building file has bytes once the first run holds its lock and has migrated it.
        let deadline = Date().addingTimeInterval(60)
        func building() -> Bool {
            let size = (try? FileManager.default.attributesOfItem(atPath: store + ".first-load"))?[.size] as? NSNumber
            return (size?.intValue ?? 0) > 0
        }
        while !building() && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(building(), "the first run never began to build the store")
        #expect(!FileManager.default.fileExists(atPath: store))

        let locked = try BinaryRun.run(
            [
                "run", "SampleData", "--now", "2026-11-25", "--max-reject-rate", "1", "--lock-timeout", "0",
                "--store", store, "--reports", folder.path + "/reports-locked",
            ], in: BinaryRun.packageRoot)
        #expect(locked.status == 75)
        #expect(locked.stderr.contains("the store is locked by another run"), "\(locked.stderr)")
        #expect(locked.stderr.split(separator: "\n").last?.hasSuffix("(exit 75)") == true)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/reports-locked/latest"))

        let waiting = Self.waitingRun(store, folder)
        let firstRun = try first.wait()
        #expect(firstRun.status == 0, "\(firstRun.stderr)")
        let waitingRun = try waiting.wait()
        #expect(waitingRun.status == 0, "\(waitingRun.stderr)")

        let runs = try BinaryRun.run(["runs", "--store", store]).stdout.split(separator: "\n")
        #expect(runs.count == 3, "\(runs)")
        #expect(!FileManager.default.fileExists(atPath: store + ".first-load"))
        #expect(try Self.lookup(Self.citizen, folder).status == 0)
    }

    /// Two runs that start in the same second: the run ID is chosen once the lock is held, against both the
    /// report folders and the store's `runs`, so the one that waited gets the next free ID and commits too.
    @Test func twoRunsStartedInTheSameSecondBothCommit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try Self.runSampleData(folder).status == 0)
        // Start both just after a second begins, so that they share it.
        let fraction = Date().timeIntervalSince1970.truncatingRemainder(dividingBy: 1)
        Thread.sleep(forTimeInterval: 1.02 - fraction)
        let runs = (1...2).map { index in
            BackgroundBinaryRun(
                [
                    "run", "SampleData", "--now", "2026-11-25", "--max-reject-rate", "1", "--lock-timeout", "60",
                    "--store", folder.path + "/absher.sqlite", "--reports", folder.path + "/reports-\(index)",
                    "--quiet",
                ],
                in: BinaryRun.packageRoot)
        }
        let statuses = try runs.map { try $0.wait().status }
        #expect(statuses == [0, 0])
    }
}
