import AbsherReports

/// The commands, in the order help lists them.
enum Commands {
    static var all: [any Command.Type] {
        [
            RunCommand.self, ValidateCommand.self, LookupCommand.self, RunsCommand.self, ExportCommand.self,
            MatchesCommand.self, CompletionsCommand.self,
        ]
    }
    static let version = ToolVersion.current

    /// A command by name; `help` too, for `help help` and its usage errors.
    static func named(_ name: String) -> (any Command.Type)? {
        name == HelpCommand.name ? HelpCommand.self : all.first { $0.name == name }
    }
}
