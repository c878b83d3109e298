import Foundation
import Testing

/// Contract §5.7, "after a crash, a kill or a full disk the store holds exactly what it held before the run":
/// the built binary is killed with SIGKILL at random moments of a run and the store must be sound and hold
/// exactly its before- or its after-state; the next run must succeed. `Scripts/kill-test` does the same 50
/// times on 200k rows.
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

    @Test(.enabled(if: StoreFingerprint.sqliteShellExists, "needs the sqlite3 shell"))
    func killedRunLeavesTheStoreBeforeOrAfterAndTheNextRunSucceeds() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let night1 = folder.path + "/night1"
        let night2 = folder.path + "/night2"
        for (out, extra) in [(night1, [String]()), (night2, ["--night", "2", "--change-rate", "0.02"])] {
            let generate = try Self.spawn(
                Self.datagen, ["--out", out, "--rows", "\(Self.rows)", "--seed", "11"] + extra)
            generate.waitUntilExit()
            #expect(generate.terminationStatus == 0)
        }
        let saved = folder.path + "/night1.sqlite"
        let reports = folder.path + "/reports"
        let load = try BinaryRun.run(Self.runArguments(night1, store: saved, reports: reports))
        #expect(load.status == 0)
        let afterStore = folder.path + "/after.sqlite"
        try FileManager.default.copyItem(atPath: saved, toPath: afterStore)
        let clock = ContinuousClock()
        let start = clock.now
        let clean = try BinaryRun.run(Self.runArguments(night2, store: afterStore, reports: reports))
        let fullRun = clock.now - start
        #expect(clean.status == 0)
        let before = try StoreFingerprint.of(saved)
        let after = try StoreFingerprint.of(afterStore)
        let afterRecords = try StoreFingerprint.of(afterStore, recordsOnly: true)
        try #require(before != after)

        let store = folder.path + "/store.sqlite"
        var outcomes: [String] = []
        for index in 0..<Self.kills {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
            try FileManager.default.copyItem(atPath: saved, toPath: store)
            // Spread the kills over the run: the i-th lands at a random moment of the i-th fifth.
            let fullMicroseconds =
                Double(fullRun.components.seconds) * 1e6
                + Double(fullRun.components.attoseconds) / 1e12
            let share = (Double(index) + Double.random(in: 0..<1)) / Double(Self.kills)
            let process = try Self.spawn(
                BinaryRun.executable, Self.runArguments(night2, store: store, reports: reports))
            usleep(UInt32(share * fullMicroseconds))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let integrity = try StoreFingerprint.integrity(of: store)
            #expect(integrity == "ok")
            let state = try StoreFingerprint.of(store)
            #expect(state == before || state == after, "kill \(index) at \(Int(share * 100))% of a run")
            outcomes.append(state == before ? "before" : state == after ? "after" : "neither")

            let next = try BinaryRun.run(Self.runArguments(night2, store: store, reports: reports))
            #expect(next.status == 0, "the run after kill \(index): \(next.stderr)")
            let records = try StoreFingerprint.of(store, recordsOnly: true)
            #expect(records == afterRecords)
        }
        print("KillSafetyTests: \(Self.kills) kills on \(Self.rows) rows: \(outcomes)")
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
