import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// The help texts, in swift-argument-parser's layout: OVERVIEW, USAGE, ARGUMENTS, OPTIONS (each with its
/// default), EXAMPLES; the root adds COMMANDS, EXIT STATUS and ENVIRONMENT. `ManPage` renders the same parts.
enum HelpText {
    static let toolName = "absher-import"
    static let width = 80
    /// Where the descriptions of options start.
    static let column = 26

    static let overview =
        "Check the nightly Absher register exports and merge them into one canonical SQLite store."
    static let rootUsage = "absher-import <command> [options]"
    static let rootDiscussion = """
        The exports (citizens*.csv, residents*.csv, sponsors*.csv) are read from a folder or named one by one. \
        Every run writes a report folder (report.html, summary.json, rejects.csv) under --reports. Progress is \
        shown on stderr only when it is a terminal; log lines go to stderr, summaries to stdout, and nothing \
        ever holds a password.
        """
    static let rootOptions: [OptionSpec] = [.flag("version", "Show the version.")]
    static let helpOption = OptionSpec.flag("help", "Show help information.")

    /// What each exit code means (sysexits), for the operator and the scheduler.
    static func meaning(_ status: ExitStatus) -> String {
        switch status {
        case .success:
            "Committed, or a dry run or validate within the thresholds (rejected rows below them are normal)."
        case .aborted: "Aborted by a circuit breaker (validate: reject rate above --max-reject-rate)."
        case .usage: "Usage error: unknown command or option, bad value."
        case .dataError:
            "An input file is unusable (unreadable, or its header misses a required column), or a kind run --require names has no file."
        case .unavailable: "The store's PostgreSQL server cannot be reached or refuses the login; worth retrying."
        case .cannotCreate: "The store or the reports cannot be created."
        case .ioError: "The store or the reports cannot be written."
        case .locked: "The store is locked by another run (see --lock-timeout)."
        case .interrupted: "SIGINT before the commit: rolled back, nothing merged, no report."
        case .terminated: "SIGTERM before the commit: rolled back, nothing merged, no report."
        }
    }

    static let environment: [(name: String, help: String)] = [
        ("NO_COLOR", "When set and not empty, log levels are never coloured (https://no-color.org)."),
        ("COLUMNS", "Width of the progress line on a terminal (default: 80)."),
        (
            "PGPASSWORD, PGPASSFILE, PGHOST, ...",
            "libpq's variables: the password and connection defaults of a PostgreSQL store (also ~/.pgpass)."
        ),
        (
            "ABSHER_IMPORT_<OPTION>",
            "Any option of run, such as ABSHER_IMPORT_STORE or ABSHER_IMPORT_MAX_REJECT_RATE; the command line wins (see 'absher-import help run')."
        ),
    ]

    static func root() -> String {
        var text =
            "OVERVIEW: \(overview)\n\n" + paragraphs(rootDiscussion) + "\nUSAGE: \(rootUsage)\n\n"
        text += "COMMANDS:\n"
        for command in Commands.all { text += entry("  " + command.name, command.abstract) }
        text += entry("  help", HelpCommand.abstract)
        text += "\nOPTIONS:\n"
        for option in rootOptions { text += entry("  " + option.synopsis, option.help) }
        text += entry("  -h, --help", helpOption.help)
        let examples = Commands.all.compactMap { $0.examples.first }
        if !examples.isEmpty { text += "\n" + examplesSection(examples) }
        text += "\nEXIT STATUS:\n"
        for status in ExitStatus.allCases { text += entry("  \(status.rawValue)", meaning(status)) }
        text += "\nENVIRONMENT:\n"
        for variable in environment { text += entry("  " + variable.name, variable.help) }
        text += "\n  See 'absher-import help <command>' for a command's arguments and options.\n"
        return text
    }

    static func render(_ command: any Command.Type) -> String {
        var text = "OVERVIEW: \(command.abstract)\n\n"
        if !command.discussion.isEmpty { text += paragraphs(command.discussion) + "\n" }
        text += "USAGE: \(command.usage)\n\n"
        if !command.arguments.isEmpty {
            text += "ARGUMENTS:\n"
            for argument in command.arguments { text += entry("  " + argument.name, argument.help) }
            text += "\n"
        }
        text += "OPTIONS:\n"
        for option in command.options { text += entry("  " + option.synopsis, describe(option)) }
        text += entry("  -h, --help", helpOption.help)
        if command.readsEnvironment {
            text += "\nENVIRONMENT:\n"
            text += wrap(environmentNote, width: width, indent: 2).joined(separator: "\n") + "\n"
            for option in command.options { text += entry("  " + option.environmentName, "--" + option.name) }
        }
        if !command.exitCodes.isEmpty {
            text += "\nEXIT STATUS:\n"
            for (code, meaning) in command.exitCodes { text += entry("  \(code)", meaning) }
        }
        if !command.examples.isEmpty { text += "\n" + examplesSection(command.examples) }
        return text
    }

    static let environmentNote =
        "Every option is also read from ABSHER_IMPORT_<OPTION>; the command line wins. An empty variable is unset; a flag takes 1, true, yes or on."

    /// An option's help with its default: `… (default: 0.05)`, with a no-break space that `wrap` keeps.
    static func describe(_ option: OptionSpec) -> String {
        option.defaultValue.map { "\(option.help) (default:\u{A0}\($0))" } ?? option.help
    }

    static func examplesSection(_ examples: [HelpExample]) -> String {
        var text = "EXAMPLES:\n"
        for (index, example) in examples.enumerated() {
            if index > 0 { text += "\n" }
            text += wrap(example.explanation, width: width, indent: 2).joined(separator: "\n") + "\n"
            text += "    $ \(example.commandLine)\n"
        }
        return text
    }

    /// `left` then `help` from `column` on, wrapped at `width`; a long `left` gets a line of its own.
    static func entry(_ left: String, _ help: String) -> String {
        let lines = wrap(help, width: width, indent: column)
        let padding = String(repeating: " ", count: column)
        var text: String
        if left.count + 2 > column {
            text = left + "\n" + lines.joined(separator: "\n")
        } else {
            text = left + String(repeating: " ", count: column - left.count)
            text += lines.joined(separator: "\n").dropFirst(padding.count)
        }
        return text + "\n"
    }

    /// Each blank-line separated paragraph wrapped at `width`, followed by an empty line.
    static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { paragraph in
            wrap(paragraph.split(separator: "\n").joined(separator: " "), width: width, indent: 0)
                .joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    /// Words of `text` on lines of at most `width` characters, each indented by `indent` spaces.
    static func wrap(_ text: String, width: Int, indent: Int) -> [String] {
        let padding = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && indent + line.count + 1 + word.count > width {
                lines.append(padding + line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        lines.append(padding + line)
        return lines.map { $0.replacingOccurrences(of: "\u{A0}", with: " ") }
    }
}
