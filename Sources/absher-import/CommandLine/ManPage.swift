import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// `absher-import.1` in man(7) roff, made from the same parts as `HelpText` so that help and man page never
/// disagree. Printed by the hidden `absher-import --generate-manpage`; no date in it, so it is reproducible.
enum ManPage {
    static func render() -> String {
        var text = ".TH ABSHER-IMPORT 1 \"\" \"absher-import \(Commands.version)\" \"User Commands\"\n"
        text += ".SH NAME\n\(HelpText.toolName) \\- \(escape(HelpText.overview))\n"
        text += ".SH SYNOPSIS\n"
        for command in Commands.all { text += ".B \(escape(command.usage))\n.br\n" }
        text += ".B absher-import help\n.I command\n.br\n.B absher-import \\-\\-help | \\-\\-version\n"
        text += ".SH DESCRIPTION\n" + paragraphs(HelpText.rootDiscussion)
        text += ".SH COMMANDS\n"
        for command in Commands.all {
            text += ".SS \(command.name)\n\(escape(command.abstract))\n"
            if !command.discussion.isEmpty { text += paragraphs(command.discussion) }
            text += ".PP\nUsage:\n.B \(escape(command.usage))\n"
            for argument in command.arguments { text += item(argument.name, argument.help) }
            for option in command.options { text += item(option.synopsis, HelpText.describe(option)) }
            text += item("-h, --help", HelpText.helpOption.help)
        }
        text += ".SH OPTIONS\n"
        for option in HelpText.rootOptions { text += item(option.synopsis, option.help) }
        text += item("-h, --help", HelpText.helpOption.help)
        let examples = Commands.all.flatMap { $0.examples }
        if !examples.isEmpty {
            text += ".SH EXAMPLES\n"
            for example in examples {
                text +=
                    ".PP\n\(escape(example.explanation))\n.PP\n.RS 4\n.nf\n\(escape(example.commandLine))\n.fi\n.RE\n"
            }
        }
        text += ".SH \"EXIT STATUS\"\n"
        for status in ExitStatus.allCases {
            text += item(String(status.rawValue), HelpText.meaning(status))
        }
        text += ".SH ENVIRONMENT\n"
        for variable in HelpText.environment { text += item(variable.name, variable.help) }
        return text
    }

    private static func item(_ tag: String, _ body: String) -> String {
        ".TP\n.B \(escape(tag))\n\(escape(body))\n"
    }

    private static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map {
            ".PP\n" + escape($0.split(separator: "\n").joined(separator: " ")) + "\n"
        }
        .joined()
    }

    /// Backslashes as `\e`, hyphens as `\-`, and a `.` or `'` at a line's start made literal with `\&`.
    static func escape(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(
            of: "-", with: "\\-"
        )
        .replacingOccurrences(of: "\u{A0}", with: "\\ ")
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }
}
