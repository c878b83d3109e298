/// A subcommand: a type with an abstract, a usage line, a discussion with examples, and its options.
protocol Command {
    static var name: String { get }
    static var abstract: String { get }
    static var usage: String { get }
    static var discussion: String { get }
    static var options: [OptionSpec] { get }
    static var maxPositionals: Int { get }
    /// Runs with the scanned arguments; returns the exit status.
    static func run(_ arguments: ParsedArguments) throws -> Int32
}

enum Commands {
    static var all: [any Command.Type] { [RunCommand.self, ValidateCommand.self, LookupCommand.self, RunsCommand.self, ExportCommand.self] }
    static let version = "0.1.0"

    static func named(_ name: String) -> (any Command.Type)? { all.first { $0.name == name } }
}

enum HelpText {
    static func root() -> String {
        var text = """
            OVERVIEW: Check the nightly Absher register exports and merge them into one canonical SQLite store.

            USAGE: absher-import <command> [options]

            COMMANDS:

            """
        for command in Commands.all {
            text += "  " + command.name.padding(toLength: 12, withPad: " ", startingAt: 0) + command.abstract + "\n"
        }
        text += """
              help        Show help for a command.

            OPTIONS:
              --version   Show the version.
              -h, --help  Show help information.

            See 'absher-import help <command>' for a command's options.

            """
        return text
    }

    static func render(_ command: any Command.Type) -> String {
        var text = "OVERVIEW: \(command.abstract)\n\nUSAGE: \(command.usage)\n\nOPTIONS:\n"
        for option in command.options {
            var left = "  --\(option.name)"
            if let value = option.valueName { left += " <\(value)>" }
            var help = option.help
            if let value = option.defaultValue { help += " (default: \(value))" }
            if left.count >= 30 {
                text += left + "\n" + String(repeating: " ", count: 30) + help + "\n"
            } else {
                text += left.padding(toLength: 30, withPad: " ", startingAt: 0) + help + "\n"
            }
        }
        text += "  -h, --help".padding(toLength: 30, withPad: " ", startingAt: 0) + "Show help information.\n"
        if !command.discussion.isEmpty { text += "\n" + command.discussion + "\n" }
        return text
    }
}
