import Foundation
import Testing

/// docs/absher-import.1 is what `absher-import --generate-manpage` prints now, so help and man page agree.
@Suite struct ManPageTests {
    @Test func committedManPageEqualsTheGeneratedOne() throws {
        let run = try BinaryRun.run(["--generate-manpage"])
        #expect(run.status == 0)
        let committed = try String(
            contentsOf: BinaryRun.packageRoot.appendingPathComponent("docs/absher-import.1"),
            encoding: .utf8)
        #expect(committed == run.stdout, "run Scripts/make-manpage and commit docs/absher-import.1")
    }

    @Test func manPageHasTheSectionsOfAManPageOnLinesOfTheirOwn() throws {
        let page = try BinaryRun.run(["--generate-manpage"]).stdout
        for section in [
            ".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH COMMANDS", ".SH OPTIONS", ".SH \"EXIT STATUS\"",
            ".SH ENVIRONMENT", ".SH FILES", ".SH EXAMPLES", ".SH \"SEE ALSO\"",
        ] {
            #expect(page.contains("\n\(section)\n"), "man page lacks \(section)")
        }
        // Each command's exit codes and examples are sub-sections, not run into its description.
        #expect(page.components(separatedBy: ".B Exit status:\n").count - 1 == 8)
        #expect(page.components(separatedBy: ".B Examples:\n").count - 1 == 8)
        #expect(!page.contains("EXIT CODES"))
    }

    @Test func manPageNamesEveryOptionOfEveryCommand() throws {
        let page = try BinaryRun.run(["--generate-manpage"]).stdout
        for command in try HelpTests.listedCommands() {
            let help = try BinaryRun.run([command, "--help"]).stdout
            let options = help.split(separator: "\n").compactMap { line -> String? in
                var trimmed = line.drop { $0 == " " }
                if trimmed.hasPrefix("-h, ") { trimmed = trimmed.dropFirst(4) }
                guard trimmed.hasPrefix("--"), line.hasPrefix("  ") else { return nil }
                return trimmed.split(separator: " ").first.map(String.init)
            }
            #expect(!options.isEmpty, "\(command) --help lists no options")
            if command == "run" || command == "validate" { #expect(options.count > 5) }
            for option in options {
                #expect(
                    page.contains(option.replacingOccurrences(of: "-", with: "\\-")),
                    "man page lacks \(option)")
            }
        }
    }
}
