import Foundation
import Testing

/// Contract §5.7, "after a crash, a kill or a full disk the store holds exactly what it held before the run":
/// the built binary is killed with SIGKILL at random moments of a run and the store must be sound (SQLite's
/// `integrity_check`, PostgreSQL's `amcheck`) and hold exactly its before- or its after-state; the next run
/// must succeed. On both engines (issue 14). `Scripts/kill-test` does the same 50 times on 200k rows.
@Suite(.serialized) struct KillSafetyTests {
    static let kills = 5
    static let rows = 10_000

    /// `absher-datagen`, next to the `absher-import` the tests run.
    static var datagen: String {
        (BinaryRun.executable as NSString).deletingLastPathComponent + "/absher-datagen"
    }

    static func runArguments(_ night: String, store: String, reports: String) -> [String] {
        [
            "run", night, "--store", store, "--reports", reports, "--now", "2026-11-25",
            "--max-reject-rate", "0.5", "--max-deactivate-rate", "0.5", "--quiet",
        ]
    }

    /// Night 1 and night 2 (2% changed) of `rows` generated rows, in `folder/night1` and `folder/night2`.
    static func generateNights(in folder: TemporaryFolder, rows: Int = rows) throws -> (String, String) {
        let night1 = folder.path + "/night1"
        let night2 = folder.path + "/night2"
        for (out, extra) in [(night1, [String]()), (night2, ["--night", "2", "--change-rate", "0.02"])] {
            let generate = try Self.spawn(Self.datagen, ["--out", out, "--rows", "\(rows)", "--seed", "11"] + extra)
            generate.waitUntilExit()
            #expect(generate.terminationStatus == 0)
        }
        return (night1, night2)
    }

    /// SQLite and PostgreSQL alike: the store is saved after night 1 (the before-state), a copy runs night 2
    /// cleanly (the after-state); then each kill lands on a fresh copy of the saved store.
    @Test(arguments: TestEngine.available)
    func killedRunLeavesTheStoreBeforeOrAfterAndTheNextRunSucceeds(engine: TestEngine) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (night1, night2) = try Self.generateNights(in: folder)
        let saved = try engine.emptyStore(in: folder)
        defer { saved.remove() }
        let reports = folder.path + "/reports"
        let load = try BinaryRun.run(Self.runArguments(night1, store: saved.location, reports: reports))
        try #require(load.status == 0, "\(load.stderr)")
        let afterStore = try saved.copy()
        defer { afterStore.remove() }
        let clock = ContinuousClock()
        let start = clock.now
        let clean = try BinaryRun.run(Self.runArguments(night2, store: afterStore.location, reports: reports))
        let fullRun = clock.now - start
        #expect(clean.status == 0, "\(clean.stderr)")
        let before = try saved.fingerprint(recordsOnly: false)
        let after = try afterStore.fingerprint(recordsOnly: false)
        let afterRecords = try afterStore.fingerprint(recordsOnly: true)
        try #require(before != after)

        var outcomes: [String] = []
        for index in 0..<Self.kills {
            let store = try saved.copy()
            defer { store.remove() }
            // Spread the kills over the run: the i-th lands at a random moment of the i-th fifth.
            let fullMicroseconds =
                Double(fullRun.components.seconds) * 1e6 + Double(fullRun.components.attoseconds) / 1e12
            let share = (Double(index) + Double.random(in: 0..<1)) / Double(Self.kills)
            let process = try Self.spawn(
                BinaryRun.executable, Self.runArguments(night2, store: store.location, reports: reports))
            usleep(UInt32(share * fullMicroseconds))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            #expect(try store.soundness() == "ok")
            let state = try store.fingerprint(recordsOnly: false)
            #expect(state == before || state == after, "kill \(index) at \(Int(share * 100))% of a run")
            outcomes.append(state == before ? "before" : state == after ? "after" : "neither")

            // On PostgreSQL the killed run's server session may still hold the run lock for a moment.
            let next = try BinaryRun.run(
                Self.runArguments(night2, store: store.location, reports: reports) + ["--lock-timeout", "60"])
            #expect(next.status == 0, "the run after kill \(index): \(next.stderr)")
            #expect(try store.fingerprint(recordsOnly: true) == afterRecords)
        }
        print("KillSafetyTests \(engine): \(Self.kills) kills on \(Self.rows) rows: \(outcomes)")
    }

    /// Starts `executable` with output thrown away.
    static func spawn(_ executable: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
