import Foundation
import Testing

/// Usage errors: `Error:`, `Usage:` and `See '… --help'` on stderr, nothing on stdout, exit 64.
@Suite struct UsageErrorTests {
    static let cases: [([String], String)] = [
        ([], "Missing expected command."),
        (["valdate"], "Unknown command 'valdate'. Did you mean 'validate'?"),
        (["--versoin"], "Unknown option '--versoin'. Did you mean '--version'?"),
        (["help", "valdate"], "Did you mean 'validate'?"),
        (["validate", "--qiet"], "Unknown option '--qiet'. Did you mean '--quiet'?"),
        (["validate", "--max-reject"], "Did you mean '--max-reject-rate'?"),
        (["validate", "-quiet"], "Unknown option '-quiet'. Did you mean '--quiet'?"),
        (["validate", "--reports"], "Missing value for '--reports <DIR>'."),
        (["validate", "--reports", "--quiet"], "Missing value for '--reports <DIR>'."),
        (["validate", "--quiet=yes"], "The flag '--quiet' takes no value."),
        (["validate", "one", "two"], "Unexpected argument 'two'."),
        (["validate"], "No input files"),
        (
            ["validate", "--sponsors", "s.csv", "--max-reject-rate=2"],
            "--max-reject-rate must be a number from 0 to 1"
        ),
        (
            ["validate", "--sponsors", "s.csv", "--log-format", "xml"],
            "--log-format must be text or json"
        ),
        (["validate", "--sponsors", "s.csv", "--now", "yesterday"], "--now must be a date"),
    ]

    @Test(arguments: cases)
    func usageErrorGoesToStderrWithExit64(arguments: [String], message: String) throws {
        let run = try BinaryRun.run(arguments)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("Error: ") == true)
        #expect(lines.first?.contains(message) == true, "\(lines.first ?? "") lacks \(message)")
        #expect(lines.dropFirst().first?.hasPrefix("Usage: absher-import") == true)
        #expect(lines.last?.contains("See 'absher-import") == true)
        #expect(lines.last?.contains("--help' for more information.") == true)
    }

    @Test func commandUsageErrorPointsAtTheCommandsHelp() throws {
        let run = try BinaryRun.run(["validate", "--qiet"])
        #expect(run.stderr.contains("Usage: absher-import validate"))
        #expect(run.stderr.contains("See 'absher-import validate --help'"))
    }
}
