/// A subcommand: a type with an abstract, a usage line, a discussion, its arguments, options and examples.
/// Help (`-h`, `--help`, `help <command>`) and the man page are made from these, so they never disagree.
protocol Command {
    static var name: String { get }
    /// One line: what the command does.
    static var abstract: String { get }
    static var usage: String { get }
    /// Paragraphs (blank-line separated) after the abstract.
    static var discussion: String { get }
    static var arguments: [ArgumentSpec] { get }
    static var options: [OptionSpec] { get }
    static var examples: [HelpExample] { get }
    static var maxPositionals: Int { get }
    /// Runs with the scanned arguments; returns the exit status.
    static func run(_ arguments: ParsedArguments) throws -> Int32
}

extension Command {
    static var arguments: [ArgumentSpec] { [] }
    static var examples: [HelpExample] { [] }
}

/// The commands, in the order help lists them.
enum Commands {
    static var all: [any Command.Type] {
        [RunCommand.self, ValidateCommand.self, LookupCommand.self, RunsCommand.self, ExportCommand.self]
    }
    static let version = "0.1.0"

    static func named(_ name: String) -> (any Command.Type)? { all.first { $0.name == name } }
}
