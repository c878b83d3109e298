/// A subcommand: a type with an abstract, a discussion, its arguments, options, exit codes and examples.
/// Help (`-h`, `--help`, `help <command>`), the usage line and the man page are made from these, so they never
/// disagree.
protocol Command {
    static var name: String { get }
    /// One line: what the command does.
    static var abstract: String { get }
    /// Paragraphs (blank-line separated) after the abstract.
    static var discussion: String { get }
    static var arguments: [ArgumentSpec] { get }
    static var options: [OptionSpec] { get }
    static var examples: [HelpExample] { get }
    /// The exit codes the command gives and what each means for it.
    static var exitCodes: [(code: Int32, meaning: String)] { get }
    /// Whether every option is also read from `ABSHER_IMPORT_<OPTION>` (`run`).
    static var readsEnvironment: Bool { get }
    static var maxPositionals: Int { get }
    /// Runs with the scanned arguments; returns the exit status.
    static func run(_ arguments: ParsedArguments) throws -> Int32
}

extension Command {
    static var arguments: [ArgumentSpec] { [] }
    static var examples: [HelpExample] { [] }
    static var exitCodes: [(code: Int32, meaning: String)] { [] }
    static var readsEnvironment: Bool { false }

    /// The usage line, made from the arguments and options: `absher-import run [DIR] [--citizens <F>] …`.
    static var usage: String {
        var words = ["absher-import", name]
        for argument in arguments { words.append(argument.isOptional ? "[\(argument.name)]" : argument.name) }
        words += options.map(\.usageWord)
        return words.joined(separator: " ")
    }
}
