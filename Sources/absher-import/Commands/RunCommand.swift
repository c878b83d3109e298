import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// `absher-import run`: the nightly job.
enum RunCommand: Command {
    static let name = "run"
    static let abstract = "Check the exports, merge the good rows into the store in one transaction, and report."
    static let discussion = """
        Snapshot mode (the default) takes each given file as the whole register: records missing from it are
        marked inactive. A kind with no file gets the warning file.kind-missing (--require makes it exit 65),
        and a file byte for byte the one the last committed run read gets file.same-as-last-run. Delta mode
        merges the rows given and leaves the rest alone. A run commits all or nothing; a circuit breaker
        (--max-reject-rate, --max-deactivate-rate) aborts it with exit 1, and the reports are still written.
        """
    static let arguments = [
        ArgumentSpec("DIR", "A folder holding citizens*.csv, residents*.csv and sponsors*.csv (any may be absent).")
    ]
    static let examples = [
        HelpExample(
            "Load the sample exports into ./absher.sqlite:",
            "absher-import run SampleData --now 2026-11-25 --max-reject-rate 0.3"),
        HelpExample(
            "The nightly job, waiting up to 10 minutes for another run's lock, with all three registers required:",
            "absher-import run \(InstallPaths.incoming) --store \(InstallPaths.store) --reports \(InstallPaths.reports) --require citizens,residents,sponsors --lock-timeout 600 --quiet"
        ),
        HelpExample(
            "Feed corrected rows back without touching anyone else, and only see what would change:",
            "absher-import run --residents fixed-residents.csv --mode delta --dry-run"),
        HelpExample(
            "The run's reject rate, for a monitoring script:",
            "absher-import run SampleData --json --max-reject-rate 0.3 | jq '{reject_rate, limit: .thresholds.max_reject_rate}'"
        ),
        HelpExample(
            "The same settings from the environment, as a service file sets them:",
            "ABSHER_IMPORT_STORE=\(InstallPaths.store) ABSHER_IMPORT_MODE=delta absher-import run DIR"),
    ]
    static let options: [OptionSpec] =
        RunArguments.fileOptions + [
            .value(
                "store", "DB",
                "The store: a SQLite file, or a PostgreSQL URI (postgresql://... or postgres://..., as libpq reads it; password from PGPASSWORD or ~/.pgpass, never shown); created and migrated on first use.",
                default: RunOptions.defaultStorePath),
            .value(
                "mode", "M", "snapshot (files are whole registers) or delta (files carry changes).",
                default: "snapshot",
                choices: RunOptions.Mode.allNames),
            .flag("dry-run", "Do everything, report the changes, then roll back."),
            .value(
                "max-deactivate-rate", "R", "Share of a kind's active records a snapshot may deactivate.",
                default: RunOptions.rateText(RunOptions.defaultMaxDeactivateRate)),
            .value("lock-timeout", "S", "Seconds to wait for another run's lock before exit 75.", default: "0"),
            .value(
                "require", "KINDS",
                "Comma-separated kinds (citizens, residents, sponsors) whose file must be given, else exit 65 with nothing touched."
            ),
        ]
    static let exitCodes: [(code: Int32, meaning: String)] = [
        (0, "Committed, or a dry run within the thresholds (rejected rows below them are normal)."),
        (1, "Aborted by a circuit breaker (--max-reject-rate, --max-deactivate-rate); reports written."),
        (64, "Usage error: unknown option, bad value (also from ABSHER_IMPORT_<OPTION>)."),
        (65, "An input file is unusable, or a kind named by --require has no file; the store is untouched."),
        (69, "The store's PostgreSQL server cannot be reached or refuses the login; worth retrying."),
        (73, "The store or the reports cannot be created."),
        (
            74,
            "The store or the reports cannot be written, or the connection to the store was lost; the store rolled back."
        ),
        (75, "The store is locked by another run past --lock-timeout; worth retrying."),
        (130, "SIGINT before the commit: rolled back, no report. After the commit a signal waits for the report."),
        (143, "SIGTERM before the commit: rolled back, no report. After the commit a signal waits for the report."),
    ]
    static let readsEnvironment = true
    static let maxPositionals = 1

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        do {
            return try runChecked(arguments)
        } catch let error as UsageError {
            throw EnvironmentSettings.annotate(error, arguments)
        }
    }

    private static func runChecked(_ arguments: ParsedArguments) throws -> Int32 {
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
            arguments, "max-deactivate-rate", default: RunOptions.defaultMaxDeactivateRate, command: name)
        if let text = arguments.value("lock-timeout") {
            guard let seconds = Double(text), seconds >= 0 else {
                throw UsageError(message: "--lock-timeout must be a number of seconds, not '\(text)'.", command: name)
            }
            options.lockTimeoutSeconds = seconds
        }
        let required = try requiredKinds(arguments)
        let given = Set(options.inputs.map(\.kind))
        let missing = RecordKind.allCases.filter { required.contains($0) && !given.contains($0) }
        if !missing.isEmpty {
            let names = missing.map(\.filePrefix).joined(separator: ", ")
            logger.failure(
                RunFailure(
                    .dataError,
                    "--require \(required.map(\.filePrefix).sorted().joined(separator: ",")): no file for \(names); nothing was touched"
                ), exitStatus: .dataError)
            return ExitStatus.dataError.rawValue
        }
        RunArguments.logStart(options, logger: logger)
        RunInterruption.install()
        let progress = ProgressLine.handler(enabled: !logger.quiet)
        let outcome = ImportRun.run(options, progress: progress)
        ProgressLine.clear(enabled: !logger.quiet)
        return RunArguments.finish(outcome, options: options, logger: logger, json: arguments.has("json"))
    }

    /// `--require citizens,residents,sponsors` (any subset, any order) as kinds.
    static func requiredKinds(_ arguments: ParsedArguments) throws(UsageError) -> Set<RecordKind> {
        guard let text = arguments.value("require") else { return [] }
        var kinds: Set<RecordKind> = []
        for word in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = word.trimmingCharacters(in: .whitespaces).lowercased()
            guard let kind = RecordKind.allCases.first(where: { $0.filePrefix == trimmed }) else {
                throw UsageError(
                    message:
                        "--require takes a comma-separated list of citizens, residents and sponsors, not '\(text)'.",
                    command: name)
            }
            kinds.insert(kind)
        }
        return kinds
    }
}

extension RunOptions.Mode {
    static var allNames: [String] { [Self.snapshot, .delta].map(\.rawValue) }
}
