import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// `absher-import validate`: row checks only; never opens the store for writing.
enum ValidateCommand: Command {
    static let name = "validate"
    static let abstract = "Check the exports' rows and write reports, without touching the store."
    static let discussion = """
        Every rule that needs no store: the field rules, duplicate IDs and usernames, sponsors known in this
        run, shared mobiles and e-mails, expired documents. Exits 0 when the share of rejected rows is within
        --max-reject-rate, 1 above it, 65 when a file is unusable.
        """
    static let arguments = [
        ArgumentSpec("DIR", "A folder holding citizens*.csv, residents*.csv and sponsors*.csv (any may be absent).")
    ]
    static let examples = [
        HelpExample(
            "Check tonight's exports as of 25 November 2026:",
            "absher-import validate \(InstallPaths.incoming) --now 2026-11-25"),
        HelpExample(
            "Check two files named one by one, with JSON log lines:",
            "absher-import validate --residents residents.csv --sponsors sponsors.csv --log-format json"),
        HelpExample(
            "The rules that fired, from the JSON summary:",
            "absher-import validate SampleData --json --max-reject-rate 1 | jq '.rules'"),
    ]
    static let exitCodes: [(code: Int32, meaning: String)] = [
        (0, "Checked, and the share of rejected rows is within --max-reject-rate."),
        (1, "The share of rejected rows is above --max-reject-rate."),
        (64, "Usage error: unknown option, bad value."),
        (65, "An input file is unusable."),
        (73, "The reports cannot be created."),
        (74, "The reports cannot be written."),
    ]
    static let options = RunArguments.fileOptions
    static let maxPositionals = 1

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let options = try RunArguments.makeOptions(arguments, command: .validate)
        let logger = try RunArguments.logger(arguments, command: name)
        RunArguments.logStart(options, logger: logger)
        RunInterruption.install()
        let progress = ProgressLine.handler(enabled: !logger.quiet)
        let outcome = ImportRun.validate(options, progress: progress)
        ProgressLine.clear(enabled: !logger.quiet)
        return RunArguments.finish(outcome, options: options, logger: logger, json: arguments.has("json"))
    }
}
