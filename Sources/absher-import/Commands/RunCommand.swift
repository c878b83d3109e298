import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// `absher-import run`: the nightly job.
enum RunCommand: Command {
    static let name = "run"
    static let abstract = "Check the exports, merge the good rows into the store in one transaction, and report."
    static let usage = """
        absher-import run [DIR] [--citizens F] [--residents F] [--sponsors F] [--store DB] [--reports DIR] \
        [--mode snapshot|delta] [--dry-run] [--max-reject-rate R] [--max-deactivate-rate R] [--mask-pii] \
        [--now DATE] [--quiet] [--lock-timeout S]
        """
    static let discussion = """
        Snapshot mode (the default) takes each given file as the whole register: records missing from it are
        marked inactive. Delta mode merges the rows given and leaves the rest alone. A run commits all or
        nothing; a circuit breaker (--max-reject-rate, --max-deactivate-rate) aborts it with exit 1, and the
        reports are still written. Exit codes: 0 committed or a dry run within the thresholds; 1 aborted by a
        circuit breaker; 64 usage error; 65 an input file is unusable; 73 or 74 the store or reports cannot be
        created or written; 75 the store is locked by another run.
        """
    static let arguments = [
        ArgumentSpec("DIR", "A folder holding citizens*.csv, residents*.csv and sponsors*.csv (any may be absent).")
    ]
    static let examples = [
        HelpExample(
            "Load the sample exports into ./absher.sqlite:",
            "absher-import run SampleData --now 2026-11-25 --max-reject-rate 0.3"),
        HelpExample(
            "The nightly job, waiting up to 10 minutes for another run's lock:",
            "absher-import run /srv/absher/incoming --store /var/lib/absher/absher.sqlite --lock-timeout 600 --quiet"),
        HelpExample(
            "Feed corrected rows back without touching anyone else, and only see what would change:",
            "absher-import run --residents fixed-residents.csv --mode delta --dry-run"),
    ]
    static let options: [OptionSpec] =
        RunArguments.fileOptions + [
            .value("store", "DB", "The SQLite store; created and migrated on first use.", default: "absher.sqlite"),
            .value(
                "mode", "M", "snapshot (files are whole registers) or delta (files carry changes).", default: "snapshot"
            ),
            .flag("dry-run", "Do everything, report the changes, then roll back."),
            .value(
                "max-deactivate-rate", "R", "Share of a kind's active records a snapshot may deactivate.",
                default: "0.10"),
            .value("lock-timeout", "S", "Seconds to wait for another run's lock before exit 75.", default: "0"),
        ]
    static let maxPositionals = 1

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        var options = try RunArguments.makeOptions(arguments, command: .run)
        let logger = try RunArguments.logger(arguments, command: name)
        if let store = arguments.value("store") { options.storePath = store }
        if let text = arguments.value("mode") {
            guard let mode = RunOptions.Mode(rawValue: text) else {
                throw UsageError(message: "--mode must be snapshot or delta, not '\(text)'.", command: name)
            }
            options.mode = mode
        }
        options.dryRun = arguments.has("dry-run")
        options.maxDeactivateRate = try RunArguments.rate(
            arguments, "max-deactivate-rate", default: 0.10, command: name)
        if let text = arguments.value("lock-timeout") {
            guard let seconds = Double(text), seconds >= 0 else {
                throw UsageError(message: "--lock-timeout must be a number of seconds, not '\(text)'.", command: name)
            }
            options.lockTimeoutSeconds = seconds
        }
        let progress = ProgressLine.handler(enabled: !logger.quiet)
        let outcome = ImportRun.run(options, progress: progress)
        ProgressLine.clear(enabled: !logger.quiet)
        return RunArguments.finish(outcome, options: options, logger: logger)
    }
}
