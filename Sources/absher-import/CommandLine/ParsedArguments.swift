/// The parsed command line of one command.
struct ParsedArguments: Sendable {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []
    var wantsHelp = false
    /// Options taken from the environment rather than the command line, by option name: the variable's name.
    var environmentSources: [String: String] = [:]

    func value(_ name: String) -> String? { values[name] }
    func has(_ name: String) -> Bool { flags.contains(name) }
}
