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
    static let usage =
        "absher-import validate [DIR] [--citizens F] [--residents F] [--sponsors F] [--reports DIR] [--now DATE]"
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
            "absher-import validate /srv/absher/incoming --now 2026-11-25"),
        HelpExample(
            "Check two files named one by one, with JSON log lines:",
            "absher-import validate --residents residents.csv --sponsors sponsors.csv --log-format json"),
    ]
    static let options = RunArguments.fileOptions
    static let maxPositionals = 1

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let options = try RunArguments.makeOptions(arguments, command: .validate)
        let logger = try RunArguments.logger(arguments, command: name)
        let progress = ProgressLine.handler(enabled: !logger.quiet)
        let outcome = ImportRun.validate(options, progress: progress)
        ProgressLine.clear(enabled: !logger.quiet)
        return RunArguments.finish(outcome, options: options, logger: logger)
    }
}
