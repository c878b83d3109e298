/// Scans arguments in swift-argument-parser's conventions: `--opt value`, `--opt=value`, `--` (everything after
/// it is positional), `-h`/`--help` anywhere before `--`, and "Did you mean" for a name close to a known one.
enum ArgumentScanner {
    static func scan(
        _ arguments: [String], options: [OptionSpec], maxPositionals: Int, command: String
    )
        throws(UsageError) -> ParsedArguments
    {
        var parsed = ParsedArguments()
        let beforeTerminator = arguments.prefix { $0 != "--" }
        if beforeTerminator.contains(where: { $0 == "-h" || $0 == "--help" }) {
            // Help wins over every other mistake on the line, as in swift-argument-parser.
            parsed.wantsHelp = true
            return parsed
        }
        func fail(_ message: String) -> UsageError { UsageError(message: message, command: command) }
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
            guard argument.hasPrefix("--") else {
                var message = "Unknown option '\(argument)'."
                let name = String(argument.dropFirst())
                if let suggestion = closest(to: name, among: options.map(\.name)) {
                    message += " Did you mean '--\(suggestion)'?"
                }
                throw fail(message)
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
                throw fail(message)
            }
            guard let valueName = spec.valueName else {
                if inlineValue != nil { throw fail("The flag '--\(name)' takes no value.") }
                parsed.flags.insert(name)
                continue
            }
            if let inlineValue {
                parsed.values[name] = inlineValue
            } else if index < arguments.count, !looksLikeOption(arguments[index]) {
                parsed.values[name] = arguments[index]
                index += 1
            } else {
                throw fail("Missing value for '--\(name) <\(valueName)>'.")
            }
        }
        if parsed.positionals.count > maxPositionals {
            throw fail("Unexpected argument '\(parsed.positionals[maxPositionals])'.")
        }
        return parsed
    }

    /// Whether an argument after `--opt` is another option rather than its value (`-` and `-0.5` are values;
    /// `--opt=-x` passes anything).
    static func looksLikeOption(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), argument != "-" else { return false }
        return Double(argument) == nil
    }

    /// The known name nearest to `name` by edit distance (at most 2, or a third of its length), else the first
    /// known name it begins.
    static func closest(to name: String, among names: [String]) -> String? {
        guard !name.isEmpty else { return nil }
        let limit = max(2, name.count / 3)
        let scored = names.map { ($0, distance(name, $0)) }.filter { $0.1 <= limit }
        if let best = scored.min(by: { $0.1 < $1.1 }) { return best.0 }
        return names.first { $0.hasPrefix(name) }
    }

    /// Levenshtein distance over UTF-8 bytes.
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
