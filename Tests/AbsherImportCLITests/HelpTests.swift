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

    @Test func versionPrintsNameVersionCommitSchemaAndSQLite() throws {
        let run = try BinaryRun.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 6 && lines.last == "")
        let first = lines[0].split(separator: " ")
        #expect(first.count == 2 && first[0] == "absher-import" && first[1].split(separator: ".").count == 3)
        #expect(lines[1].hasPrefix("commit: ") && lines[1].count > "commit: ".count)
        #expect(lines[2].hasPrefix("store schema: ") && Int(lines[2].dropFirst("store schema: ".count)) != nil)
        let sqlite = lines[3].split(separator: " ")
        #expect(sqlite.first == "SQLite:" && sqlite.last?.split(separator: ".").count == 3)
        // The PostgreSQL engine's client library (issue 19: the versions of the libraries it links).
        let libpq = lines[4].split(separator: " ")
        #expect(libpq.first == "libpq:" && (libpq.last?.split(separator: ".").count ?? 0) >= 2)
    }

    @Test func helpHelpShowsTheHelpCommandsOwnHelp() throws {
        let run = try BinaryRun.run(["help", "help"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("OVERVIEW: Show help for a command."))
        #expect(run.stdout.contains("USAGE: absher-import help [COMMAND]"))
    }

    /// Each section starts a line of its own after an empty line (none is run into a paragraph), and the
    /// usage line names every option the OPTIONS section lists.
    @Test func everyCommandsHelpHasItsSectionsOnTheirOwnLinesAndAUsageLineWithEveryOption() throws {
        for command in try Self.listedCommands() + ["help"] {
            let help = try BinaryRun.run(["help", command]).stdout
            for section in ["USAGE:", "OPTIONS:", "EXIT STATUS:", "EXAMPLES:"] {
                #expect(help.contains("\n\n\(section)"), "\(command): \(section) not on a line of its own")
            }
            #expect(!help.contains("EXIT CODES"), "\(command): exit codes inside a paragraph")
            let usage = help.split(separator: "\n").first { $0.hasPrefix("USAGE: ") } ?? ""
            let options = help.split(separator: "\n").compactMap { line -> Substring? in
                guard line.hasPrefix("  --") else { return nil }
                return line.dropFirst(2).split(separator: " ").first
            }
            for option in options {
                #expect(
                    usage.contains("[\(option)") || usage.contains(" \(option) "), "\(command): usage lacks \(option)")
            }
        }
    }
}
