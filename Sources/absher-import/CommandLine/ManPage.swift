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
        for command in Commands.all + [HelpCommand.self] { text += ".B \(escape(command.usage))\n.br\n" }
        text += ".B absher-import \\-\\-help | \\-\\-version\n"
        text += ".SH DESCRIPTION\n" + paragraphs(HelpText.rootDiscussion)
        text += ".SH COMMANDS\n"
        for command in Commands.all + [HelpCommand.self] {
            text += ".SS \(command.name)\n\(escape(command.abstract))\n"
            if !command.discussion.isEmpty { text += paragraphs(command.discussion) }
            text += ".PP\n.B Usage:\n.br\n\(escape(command.usage))\n"
            if !command.arguments.isEmpty { text += ".PP\n.B Arguments:\n" }
            for argument in command.arguments { text += item(argument.name, argument.help) }
            text += ".PP\n.B Options:\n"
            for option in command.options { text += item(option.synopsis, HelpText.describe(option)) }
            text += item("-h, --help", HelpText.helpOption.help)
            if command.readsEnvironment {
                text += ".PP\n.B Environment:\n.br\n\(escape(HelpText.environmentNote))\n"
                for option in command.options { text += item(option.environmentName, "--" + option.name) }
            }
            if !command.exitCodes.isEmpty {
                text += ".PP\n.B Exit status:\n"
                for (code, meaning) in command.exitCodes { text += item(String(code), meaning) }
            }
            if !command.examples.isEmpty {
                text += ".PP\n.B Examples:\n"
                for example in command.examples { text += exampleText(example) }
            }
        }
        text += ".SH OPTIONS\n"
        for option in HelpText.rootOptions { text += item(option.synopsis, option.help) }
        text += item("-h, --help", HelpText.helpOption.help)
        text += ".SH \"EXIT STATUS\"\n"
        for status in ExitStatus.allCases {
            text += item(String(status.rawValue), HelpText.meaning(status))
        }
        text += ".SH ENVIRONMENT\n"
        for variable in HelpText.environment { text += item(variable.name, variable.help) }
        text += ".SH FILES\n"
        for file in InstallPaths.files { text += item(file.path, file.meaning) }
        let examples = Commands.all.compactMap { $0.examples.first }
        if !examples.isEmpty {
            text += ".SH EXAMPLES\n"
            for example in examples { text += exampleText(example) }
        }
        text += ".SH \"SEE ALSO\"\n"
        text += InstallPaths.seeAlso.map { ".BR \($0.name) (\($0.section))" }.joined(separator: ",\n") + "\n"
        return text
    }

    private static func exampleText(_ example: HelpExample) -> String {
        ".PP\n\(escape(example.explanation))\n.PP\n.RS 4\n.nf\n\(escape(example.commandLine))\n.fi\n.RE\n"
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
