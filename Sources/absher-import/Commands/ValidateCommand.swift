import AbsherImport

/// `absher-import validate`: row checks only; never opens the store for writing.
enum ValidateCommand: Command {
    static let name = "validate"
    static let abstract = "Check the exports' rows and write reports, without touching the store."
    static let usage = "absher-import validate [DIR] [--citizens F] [--residents F] [--sponsors F] [--reports DIR] [--now DATE]"
    static let discussion = """
        Every rule that needs no store: the field rules, duplicate IDs and usernames, sponsors known in this
        run, shared mobiles and e-mails, expired documents. Exits 0 when the share of rejected rows is within
        --max-reject-rate, 1 above it, 65 when a file is unusable.

        EXAMPLES:
          absher-import validate SampleData --now 2026-11-25
          absher-import validate --residents /exports/residents-2026-11-25.csv --sponsors /exports/sponsors.csv
        """
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
