import Foundation
import Testing

/// Every option of `run` is also read from `ABSHER_IMPORT_<OPTION>`; the command line wins.
@Suite struct EnvironmentSettingsTests {
    static func run(_ extra: [String], environment: [String: String?]) throws -> (BinaryRun, TemporaryFolder) {
        let folder = try TemporaryFolder()
        try folder.write("in/sponsors.csv", TemporaryFolder.halfRejectedSponsors)
        let run = try BinaryRun.run(
            ["run", "in", "--reports", "r", "--mode", "delta"] + extra, in: folder.url, environment: environment)
        return (run, folder)
    }

    @Test func valueFromTheEnvironmentIsUsedAndTheCommandLineWins() throws {
        let (plain, first) = try Self.run(["--store", "s.sqlite"], environment: [:])
        defer { first.remove() }
        #expect(plain.status == 1)
        let (fromEnvironment, second) = try Self.run(
            [], environment: ["ABSHER_IMPORT_MAX_REJECT_RATE": "0.6", "ABSHER_IMPORT_STORE": "env.sqlite"])
        defer { second.remove() }
        #expect(fromEnvironment.status == 0)
        #expect(FileManager.default.fileExists(atPath: second.path + "/env.sqlite"))
        let (overridden, third) = try Self.run(
            ["--max-reject-rate", "0.1", "--store", "s.sqlite"], environment: ["ABSHER_IMPORT_MAX_REJECT_RATE": "0.6"])
        defer { third.remove() }
        #expect(overridden.status == 1)
    }

    @Test func flagFromTheEnvironment() throws {
        let (dryRun, folder) = try Self.run(
            ["--store", "s.sqlite", "--max-reject-rate", "1", "--json"], environment: ["ABSHER_IMPORT_DRY_RUN": "yes"])
        defer { folder.remove() }
        #expect(dryRun.status == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(dryRun.stdout.utf8)) as? [String: Any]
        #expect(summary?["status"] as? String == "dry-run")
        let (off, other) = try Self.run(
            ["--store", "s.sqlite", "--max-reject-rate", "1", "--json"], environment: ["ABSHER_IMPORT_DRY_RUN": "0"])
        defer { other.remove() }
        let committed = try JSONSerialization.jsonObject(with: Data(off.stdout.utf8)) as? [String: Any]
        #expect(committed?["status"] as? String == "committed")
    }

    @Test func badValueFromTheEnvironmentIsAUsageErrorNamingTheVariable() throws {
        let (rate, first) = try Self.run([], environment: ["ABSHER_IMPORT_MAX_REJECT_RATE": "lots"])
        defer { first.remove() }
        #expect(rate.status == 64)
        #expect(
            rate.stderr.hasPrefix(
                "Error: --max-reject-rate must be a number from 0 to 1, not 'lots'. (from ABSHER_IMPORT_MAX_REJECT_RATE)"
            ))
        let (flag, second) = try Self.run([], environment: ["ABSHER_IMPORT_QUIET": "maybe"])
        defer { second.remove() }
        #expect(flag.status == 64)
        #expect(flag.stderr.contains("ABSHER_IMPORT_QUIET must be 1, true, yes, on, 0, false, no or off"))
    }

    @Test func runHelpListsAVariableForEveryOption() throws {
        let help = try BinaryRun.run(["help", "run"]).stdout
        let options = help.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  --") else { return nil }
            return line.dropFirst(4).split(separator: " ").first.map(String.init)
        }
        #expect(options.count > 20)
        for option in options {
            let variable = "ABSHER_IMPORT_" + option.uppercased().replacingOccurrences(of: "-", with: "_")
            #expect(
                help.contains("\n  \(variable) ") || help.contains("\n  \(variable)\n"), "run help lacks \(variable)")
        }
        let page = try BinaryRun.run(["--generate-manpage"]).stdout
        #expect(page.contains("ABSHER_IMPORT_MAX_REJECT_RATE"))
    }
}
