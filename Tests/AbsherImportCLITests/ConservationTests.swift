import Foundation
import Testing

/// For every file of every run, rows read = accepted + rejected (summary.json, per file and in total), and the
/// store's `run_files` agree: SampleData, and generated nights with defects in snapshot and delta mode.
@Suite struct ConservationTests {
    /// The `files` and `totals` of a summary.json.
    static func summary(_ path: String) throws -> (files: [[String: Any]], totals: [String: Any]) {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
        let json = try #require(object as? [String: Any])
        return (try #require(json["files"] as? [[String: Any]]), try #require(json["totals"] as? [String: Any]))
    }

    static func checkConservation(_ summaryPath: String, expectedFiles: Int) throws {
        let (files, totals) = try summary(summaryPath)
        #expect(files.count == expectedFiles)
        var rows = 0
        for file in files {
            let read = try #require(file["rows"] as? Int)
            let accepted = try #require(file["accepted"] as? Int)
            let rejected = try #require(file["rejected"] as? Int)
            #expect(read == accepted + rejected, "\(file["path"] ?? "?"): \(read) != \(accepted) + \(rejected)")
            rows += read
        }
        let totalRows = try #require(totals["rows"] as? Int)
        #expect(totalRows == rows)
        #expect(totalRows == (totals["accepted"] as? Int ?? -1) + (totals["rejected"] as? Int ?? -1))
    }

    @Test func sampleDataConservesRowsInValidateAndRun() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let sample = BinaryRun.packageRoot.appendingPathComponent("SampleData").path
        for command in [["validate"], ["run", "--store", "store.sqlite"], ["run", "--store", "store.sqlite"]] {
            let run = try BinaryRun.run(
                command + [sample, "--reports", "out", "--now", "2026-11-25", "--max-reject-rate", "1", "--quiet"],
                in: folder.url)
            #expect(run.status == 0, "\(run.stderr)")
            try Self.checkConservation(folder.path + "/out/latest/summary.json", expectedFiles: 3)
        }
        try Self.checkStoreConservation(folder.path + "/store.sqlite")
    }

    @Test func generatedNightsWithDefectsConserveRows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (name, extra) in [
            ("n1", ["--defect-rate", "0.2"]),
            ("n2", ["--night", "2", "--change-rate", "0.05", "--defect-rate", "0.2"]),
        ] {
            let process = try KillSafetyTests.spawn(
                KillSafetyTests.datagen, ["--out", folder.path + "/" + name, "--rows", "1500", "--seed", "3"] + extra)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let runs: [[String]] = [
            ["run", "n1"], ["run", "n2"], ["run", "n1", "--mode", "delta"], ["run", "n2", "--dry-run"],
            // The default reject limit (0.05) aborts: conservation holds in an aborted run too.
            ["run", "n1", "--max-reject-rate", "0.05"],
        ]
        for arguments in runs {
            let run = try BinaryRun.run(
                arguments + [
                    "--store", "store.sqlite", "--reports", "out", "--now", "2026-11-25",
                    "--max-deactivate-rate", "1", "--quiet",
                ]
                    + (arguments.contains("--max-reject-rate") ? [] : ["--max-reject-rate", "1"]),
                in: folder.url)
            #expect(run.status == 0 || run.status == 1, "\(arguments): \(run.stderr)")
            try Self.checkConservation(folder.path + "/out/latest/summary.json", expectedFiles: 3)
        }
        try Self.checkStoreConservation(folder.path + "/store.sqlite")
    }

    /// Every row of `run_files` and of `runs` satisfies rows = accepted + rejected.
    static func checkStoreConservation(_ store: String) throws {
        // `.ci/run` installs the sqlite3 shell: without it this check fails rather than passing unseen.
        try #require(StoreFingerprint.sqliteShellExists, "the sqlite3 shell is needed to read the store")
        let broken = try StoreFingerprint.shell(
            "sqlite3 \"$1\" 'SELECT count(*) FROM run_files WHERE rows != accepted + rejected;"
                + " SELECT count(*) FROM runs WHERE rows_read != rows_accepted + rows_rejected;"
                + " SELECT count(*) FROM run_files;'",
            store
        ).stdout.split(separator: "\n")
        #expect(broken.count == 3)
        #expect(broken.prefix(2) == ["0", "0"])
        #expect(broken.last != "0")
    }
}
