import Foundation
import Testing

/// Help on every command, `help <command>` and `--version`: stdout, exit 0, nothing on stderr.
@Suite struct HelpTests {
    /// The commands the root help lists, so that a new command is covered without editing this file.
    static func listedCommands() throws -> [String] {
        let help = try BinaryRun.run(["--help"]).stdout
        guard let start = help.range(of: "COMMANDS:\n"),
            let end = help.range(of: "\n\n", range: start.upperBound..<help.endIndex)
        else { return [] }
        return help[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }.filter { $0 != "help" }
    }

    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func rootHelpShowsOverviewCommandsAndExitCodes(arguments: [String]) throws {
        let run = try BinaryRun.run(arguments)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        for section in [
            "OVERVIEW:", "USAGE: absher-import <command>", "COMMANDS:", "  validate", "OPTIONS:",
            "--version",
            "EXAMPLES:", "EXIT STATUS:", "NO_COLOR",
        ] {
            #expect(run.stdout.contains(section), "missing \(section)")
        }
        for code in [0, 1, 64, 65, 73, 74, 75] { #expect(run.stdout.contains("\n  \(code) ")) }
    }

    @Test func everyCommandHasTheSameHelpThroughDashDashHelpDashHAndHelpCommand() throws {
        let commands = try Self.listedCommands()
        #expect(commands.contains("validate"))
        for command in commands {
            let long = try BinaryRun.run([command, "--help"])
            let short = try BinaryRun.run([command, "-h"])
            let viaHelp = try BinaryRun.run(["help", command])
            for run in [long, short, viaHelp] {
                #expect(run.status == 0)
                #expect(run.stderr.isEmpty)
                #expect(run.stdout == long.stdout)
            }
            for section in [
                "OVERVIEW:", "USAGE: absher-import \(command)", "OPTIONS:", "-h, --help", "EXAMPLES:",
            ] {
                #expect(long.stdout.contains(section), "\(command) help misses \(section)")
            }
        }
    }

    @Test func validateHelpShowsEachDefault() throws {
        let help = try BinaryRun.run(["validate", "--help"]).stdout
        for text in [
            "(default: Reports)", "(default: 0.05)", "(default: text)", "--citizens <F>", "ARGUMENTS:",
            "DIR",
        ] {
            #expect(help.contains(text), "missing \(text)")
        }
        for line in help.split(separator: "\n") {
            #expect(line.count <= 80 || line.hasPrefix("USAGE:") || line.contains("$ "))
        }
    }

    @Test func helpWinsOverAnUnknownOption() throws {
        let run = try BinaryRun.run(["validate", "--bogus", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("OVERVIEW:"))
    }

    @Test func versionPrintsNameAndVersion() throws {
        let run = try BinaryRun.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let parts = run.stdout.split(separator: " ")
        #expect(parts.first == "absher-import")
        #expect(run.stdout.hasSuffix("\n"))
        #expect(parts.count == 2 && parts[1].split(separator: ".").count == 3)
    }
}
