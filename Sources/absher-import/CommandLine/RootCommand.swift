import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// The root of the command line: `--help`, `--version`, the hidden `--generate-manpage`, and dispatch to a
/// subcommand (`help <command>` is one). Usage errors go to stderr with exit 64; help to stdout with exit 0.
enum RootCommand {
    static func main(_ arguments: [String]) -> Int32 {
        guard let first = arguments.first else {
            return usageFailure(UsageError(message: "Missing expected command.", command: nil))
        }
        switch first {
        case "-h", "--help":
            Console.out(HelpText.root())
            return ExitStatus.success.rawValue
        case "--version":
            Console.out(BuildInfo.versionText)
            return ExitStatus.success.rawValue
        case "--generate-manpage":
            Console.out(ManPage.render())
            return ExitStatus.success.rawValue
        default:
            break
        }
        if first.hasPrefix("-") {
            var message = "Unknown option '\(first)'."
            let names = HelpText.rootOptions.map(\.name) + ["help"]
            if let suggestion = ArgumentScanner.closest(
                to: String(first.drop { $0 == "-" }), among: names)
            {
                message += " Did you mean '--\(suggestion)'?"
            }
            return usageFailure(UsageError(message: message, command: nil))
        }
        guard let command = Commands.named(first) else {
            return usageFailure(UsageError(message: unknownCommand(first), command: nil))
        }
        do {
            var parsed = try ArgumentScanner.scan(
                Array(arguments.dropFirst()), options: command.options,
                maxPositionals: command.maxPositionals,
                command: command.name)
            if command.readsEnvironment && !parsed.wantsHelp {
                try EnvironmentSettings.apply(to: &parsed, options: command.options, command: command.name)
            }
            if parsed.wantsHelp {
                Console.out(HelpText.render(command))
                return ExitStatus.success.rawValue
            }
            return try command.run(parsed)
        } catch let error as UsageError {
            return usageFailure(error)
        } catch {
            Logger().error("\(error) (exit \(ExitStatus.ioError.rawValue))")
            return ExitStatus.ioError.rawValue
        }
    }

    static func unknownCommand(_ name: String) -> String {
        var message = "Unknown command '\(name)'."
        if let suggestion = ArgumentScanner.closest(
            to: name, among: Commands.all.map { $0.name } + ["help"])
        {
            message += " Did you mean '\(suggestion)'?"
        }
        return message
    }

    /// `Error:` / `Usage:` / `See '… --help'` on stderr, nothing on stdout; exit 64.
    static func usageFailure(_ error: UsageError) -> Int32 {
        var text = "Error: \(TerminalText.escaped(error.message))\n"
        if let name = error.command, let command = Commands.named(name) {
            text += "Usage: \(command.usage)\n"
            text += "  See 'absher-import \(name) --help' for more information.\n"
        } else {
            text += "Usage: \(HelpText.rootUsage)\n"
            text += "  See 'absher-import --help' for more information.\n"
        }
        Console.err(text)
        return ExitStatus.usage.rawValue
    }
}
