import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// `absher-import completions bash|zsh|fish`: a completion script for the shell, made from the same command
/// and option specs as help, so it never misses an option.
enum CompletionsCommand: Command {
    static let name = "completions"
    static let abstract = "Print a shell completion script for bash, zsh or fish."
    static let discussion = """
        The script completes commands, options, the values of --mode, --report-language and --log-format, and
        file and folder arguments. The Debian package installs all three; to load one by hand, see the
        examples.
        """
    static let shells = ["bash", "zsh", "fish"]
    static let arguments = [ArgumentSpec("SHELL", "bash, zsh or fish.", isOptional: false)]
    static let options: [OptionSpec] = []
    static let exitCodes: [(code: Int32, meaning: String)] = [(0, "Printed."), (64, "Usage error: no such shell.")]
    static let examples = [
        HelpExample("Load bash completion into the running shell:", "source <(absher-import completions bash)"),
        HelpExample(
            "Install zsh completion for your user (a folder on $fpath):",
            "absher-import completions zsh > ~/.zfunc/_absher-import"),
        HelpExample(
            "Install fish completion for your user:",
            "absher-import completions fish > ~/.config/fish/completions/absher-import.fish"),
    ]
    static let maxPositionals = 1

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        guard let shell = arguments.positionals.first else {
            throw UsageError(message: "Missing SHELL: bash, zsh or fish.", command: name)
        }
        switch shell {
        case "bash": Console.out(CompletionScript.bash())
        case "zsh": Console.out(CompletionScript.zsh())
        case "fish": Console.out(CompletionScript.fish())
        default:
            throw UsageError(message: "SHELL must be bash, zsh or fish, not '\(shell)'.", command: name)
        }
        return ExitStatus.success.rawValue
    }
}
