/// One option a command accepts.
struct OptionSpec: Sendable {
    var name: String
    /// The value's placeholder (`F`, `DIR`); nil for a flag.
    var valueName: String?
    var help: String
    /// The default, as help shows it.
    var defaultValue: String?

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, defaultValue: nil)
    }

    static func value(_ name: String, _ valueName: String, _ help: String, default value: String? = nil) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, defaultValue: value)
    }
}

/// The parsed command line of one command.
struct ParsedArguments: Sendable {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []
    var wantsHelp = false

    func value(_ name: String) -> String? { values[name] }
    func has(_ name: String) -> Bool { flags.contains(name) }
}

/// A usage error: printed to stderr as `Error:` / `Usage:` / `See '… --help'`, exit 64.
struct UsageError: Error, Sendable {
    var message: String
    /// The command whose usage to show, nil for the root.
    var command: String?
}

/// Scans arguments in swift-argument-parser's conventions: `--opt value`, `--opt=value`, `--`,
/// `-h`/`--help`, and "Did you mean" for an option name that is close to a known one.
enum ArgumentScanner {
    static func scan(_ arguments: [String], options: [OptionSpec], maxPositionals: Int, command: String) throws(UsageError)
        -> ParsedArguments
    {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            if argument == "-h" || argument == "--help" {
                parsed.wantsHelp = true
                continue
            }
            guard argument.hasPrefix("--") else {
                throw UsageError(message: "Unknown option '\(argument)'.", command: command)
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                var message = "Unknown option '--\(name)'."
                if let suggestion = closest(to: name, among: options.map(\.name)) {
                    message += " Did you mean '--\(suggestion)'?"
                }
                throw UsageError(message: message, command: command)
            }
            if spec.valueName == nil {
                if inlineValue != nil {
                    throw UsageError(message: "The flag '--\(name)' takes no value.", command: command)
                }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError(message: "Missing value for '--\(name) <\(spec.valueName!)>'.", command: command)
            }
            parsed.values[name] = value
        }
        if parsed.positionals.count > maxPositionals && !parsed.wantsHelp {
            let extra = parsed.positionals[maxPositionals]
            throw UsageError(message: "Unexpected argument '\(extra)'.", command: command)
        }
        return parsed
    }

    /// The known name within edit distance 2 of `name` (or containing it), if any.
    static func closest(to name: String, among names: [String]) -> String? {
        let scored = names.map { ($0, distance(name, $0)) }.filter { $0.1 <= max(2, name.count / 3) }
        if let best = scored.min(by: { $0.1 < $1.1 }) { return best.0 }
        return names.first { $0.hasPrefix(name) && !name.isEmpty }
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
