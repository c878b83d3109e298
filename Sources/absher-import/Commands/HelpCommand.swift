import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// `absher-import help [command]`: the root help, or a command's. Not listed among the commands (the root help
/// names it on its own line), but `help help` answers like any other command.
enum HelpCommand: Command {
    static let name = "help"
    static let abstract = "Show help for a command."
    static let discussion = "The same text as 'absher-import <command> --help'; without a command, the overview."
    static let arguments = [ArgumentSpec("COMMAND", "The command to show help for.")]
    static let options: [OptionSpec] = []
    static let examples = [HelpExample("Show the options of the nightly run:", "absher-import help run")]
    static let exitCodes: [(code: Int32, meaning: String)] = [
        (ExitStatus.success.rawValue, "Help shown."), (ExitStatus.usage.rawValue, "No such command."),
    ]
    static let maxPositionals = 1

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        guard let name = arguments.positionals.first else {
            Console.out(HelpText.root())
            return ExitStatus.success.rawValue
        }
        guard let command = Commands.named(name) else {
            throw UsageError(message: RootCommand.unknownCommand(name), command: nil)
        }
        Console.out(HelpText.render(command))
        return ExitStatus.success.rawValue
    }
}
