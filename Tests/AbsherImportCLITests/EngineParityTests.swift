import Foundation
import Testing

/// Issue 14, acceptance: the same nights through the real binary into a SQLite store and into a PostgreSQL
/// store give the same `lookup`, `runs` (minus run IDs and times), `export` and report folders (normalised
/// as `GoldenReportTests` does). The nights: SampleData, then three generated nights (a first night with
/// defects that deactivates SampleData's records, a second with changes, that second again as a dry run,
/// and the first again in delta mode).
@Suite(.enabled(if: PostgresTestDatabase.shouldRun, PostgresTestDatabase.skipReason))
struct EngineParityTests {
    static let common = [
        "--now", "2026-11-25", "--max-reject-rate", "1", "--max-deactivate-rate", "1", "--quiet",
    ]

    /// Each night's folder and extra options.
    static func nights(_ folder: TemporaryFolder) throws -> [(String, [String])] {
        let n1 = folder.path + "/n1"
        let n2 = folder.path + "/n2"
        for (out, extra) in [(n1, ["--defect-rate", "0.1"]), (n2, ["--night", "2", "--change-rate", "0.05"])] {
            let process = try KillSafetyTests.spawn(
                KillSafetyTests.datagen, ["--out", out, "--rows", "900", "--seed", "21"] + extra)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let sample = BinaryRun.packageRoot.appendingPathComponent("SampleData").path
        return [(sample, []), (n1, []), (n2, []), (n2, ["--dry-run"]), (n1, ["--mode", "delta"])]
    }

    /// The report folder of every night, normalised, by night and file name.
    static func runNights(
        _ nights: [(String, [String])], store: String, reports: String
    ) throws -> [[String: Data]] {
        var folders: [[String: Data]] = []
        for (index, (night, extra)) in nights.enumerated() {
            let run = try BinaryRun.run(["run", night, "--store", store, "--reports", reports] + common + extra)
            #expect(run.status == 0, "night \(index + 1) on \(store): \(run.stderr)")
            let latest = URL(fileURLWithPath: reports + "/latest")
            var files: [String: Data] = [:]
            for name in try GoldenReport.files(under: latest) {
                var bytes = try Data(contentsOf: latest.appendingPathComponent(name))
                if name == "summary.json" {
                    // The one expected difference: which store, and which reports folder, the run wrote to.
                    let text = String(decoding: bytes, as: UTF8.self).replacing(#/"(store|report)": "[^"]*"/#) {
                        "\"\($0.output.1)\": \"…\""
                    }
                    bytes = Data(text.utf8)
                }
                files[name] = GoldenReport.normalised(bytes, name: name)
            }
            folders.append(files)
        }
        return folders
    }

    /// Output with run IDs and times replaced, and runs of spaces (table alignment) as one.
    static func normalisedOutput(_ text: String) -> String {
        var text = text.replacing(GoldenReport.runID, with: "RUN-ID")
        text = text.replacing(GoldenReport.timestamp, with: "TIMESTAMP")
        return text.replacing(#/ +/#, with: " ")
    }

    @Test func theSameNightsGiveTheSameOutputsOnSQLiteAndPostgreSQL() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let nights = try Self.nights(folder)
        let sqlite = folder.path + "/absher.sqlite"
        let sqliteReports = try Self.runNights(nights, store: sqlite, reports: folder.path + "/reports-sqlite")
        let postgresReports = try Self.runNights(nights, store: database.uri, reports: folder.path + "/reports-pg")
        for (index, (expected, actual)) in zip(sqliteReports, postgresReports).enumerated() {
            #expect(expected.keys.sorted() == actual.keys.sorted(), "night \(index + 1)")
            #expect(expected.count >= 5, "night \(index + 1): \(expected.keys.sorted())")
            for (name, bytes) in expected.sorted(by: { $0.key < $1.key }) {
                let other = actual[name] ?? Data()
                #expect(
                    bytes == other,
                    "night \(index + 1) \(name): \(GoldenReportTests.firstDifference(other, bytes))")
            }
        }

        let runsSQLite = try BinaryRun.run(["runs", "--store", sqlite])
        let runsPostgres = try BinaryRun.run(["runs", "--store", database.uri])
        #expect(runsSQLite.status == 0 && runsPostgres.status == 0, "\(runsPostgres.stderr)")
        #expect(runsSQLite.stdout.split(separator: "\n").count == 5, "header and 4 committed runs")
        #expect(Self.normalisedOutput(runsPostgres.stdout) == Self.normalisedOutput(runsSQLite.stdout))

        let exportSQLite = folder.path + "/export-sqlite"
        let exportPostgres = folder.path + "/export-pg"
        #expect(try BinaryRun.run(["export", "--store", sqlite, "--out", exportSQLite]).status == 0)
        #expect(try BinaryRun.run(["export", "--store", database.uri, "--out", exportPostgres]).status == 0)
        var lookups = [
            StoreCommandsTests.citizen, StoreCommandsTests.citizenWithUsername, "0565220656", "alanoud.almalk634",
        ]
        for name in ["citizens.csv", "residents.csv", "sponsors.csv"] {
            let expected = try Data(contentsOf: URL(fileURLWithPath: exportSQLite + "/" + name))
            let actual = try Data(contentsOf: URL(fileURLWithPath: exportPostgres + "/" + name))
            #expect(expected == actual, "export \(name)")
            let lines = String(decoding: expected, as: UTF8.self).split(separator: "\r\n")
            #expect(lines.count > 10, "export \(name) has rows")
            // The first and last exported IDs, and the mobile of the first row.
            for line in [lines.dropFirst().first, lines.last].compactMap({ $0 }) {
                lookups.append(String(line.prefix(10)))
            }
        }
        // Records whose history has changes: the updated IDs of night 3's changes.csv.
        let changes = String(decoding: sqliteReports[2]["changes.csv"] ?? Data(), as: UTF8.self)
        lookups += changes.split(separator: "\r\n").dropFirst().prefix(6).map { String($0.prefix(10)) }
        for value in lookups {
            let one = try BinaryRun.run(["lookup", value, "--store", sqlite])
            let two = try BinaryRun.run(["lookup", value, "--store", database.uri])
            #expect(one.status == two.status, "lookup \(value)")
            #expect(Self.normalisedOutput(two.stdout) == Self.normalisedOutput(one.stdout), "lookup \(value)")
        }
    }
}
