import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// The options `run` and `validate` share, and how they become `RunOptions`.
enum RunArguments {
    static let fileOptions: [OptionSpec] = [
        .value("citizens", "F", "The citizens export (overrides the one found in DIR)."),
        .value("residents", "F", "The residents export (overrides the one found in DIR)."),
        .value("sponsors", "F", "The sponsors export (overrides the one found in DIR)."),
        .value("reports", "DIR", "Parent folder of the report folders.", default: RunOptions.defaultReportsParent),
        .value(
            "now", "DATE",
            "The run date, read as cells are: YYYY-MM-DD Gregorian (1900-2100) or Hijri (1300-1500, or marked H or هـ).",
            default: "today"),
        .value(
            "max-reject-rate", "R", "Share of rejected rows above which the run fails (exit 1).",
            default: RunOptions.rateText(RunOptions.defaultMaxRejectRate)),
        .value("delimiter", "C", "The field delimiter: ',', ';', 'tab' or '|'.", default: "detected"),
        .value("encoding", "E", "utf-8, utf-16le, utf-16be or windows-1256.", default: "detected"),
        .value(
            "username-min", "N", "Shortest accepted username.", default: "\(ValidationOptions.defaultUsernameMinLength)"
        ),
        .value(
            "username-max", "N", "Longest accepted username.", default: "\(ValidationOptions.defaultUsernameMaxLength)"),
        .value(
            "max-per-mobile", "N", "People who may share one mobile before mobile.shared.",
            default: "\(RunOptions.defaultMaxPeoplePerContact)"),
        .value(
            "max-per-email", "N", "People who may share one e-mail before email.shared.",
            default: "\(RunOptions.defaultMaxPeoplePerContact)"),
        .value(
            "report-language", "L",
            "Language of report.html, Reports/index.html and the messages of rejects.csv: en or ar.", default: "en",
            choices: ["en", "ar"]),
        .flag("mask-pii", "Mask IDs, mobiles and e-mails in every report."),
        .flag("quiet", "Print nothing but errors."),
        .value(
            "log-format", "FORMAT", "Log lines as text, or json (then also one info line per phase).", default: "text",
            choices: Logger.Format.allCases.map(\.rawValue)),
        .flag("json", "Print the summary on stdout as one JSON object (the fields of summary.json)."),
    ]

    static func makeOptions(_ arguments: ParsedArguments, command: RunOptions.Command) throws(UsageError)
        -> RunOptions
    {
        let name = command.rawValue
        func fail(_ message: String) -> UsageError { UsageError(message: message, command: name) }

        let inputs = try inputFiles(arguments, fail: fail)
        let runDate = try runDate(arguments, fail: fail)
        var options = RunOptions(command: command, inputs: inputs, runDate: runDate)
        if let text = arguments.value("reports") { options.reportsParent = text }
        options.maxRejectRate = try rate(
            arguments, "max-reject-rate", default: RunOptions.defaultMaxRejectRate, command: name)
        options.maskPII = arguments.has("mask-pii")
        options.reader = try readerOptions(arguments, fail: fail)
        options.validation.usernameMinLength = try count(
            arguments, "username-min", default: ValidationOptions.defaultUsernameMinLength, command: name)
        options.validation.usernameMaxLength = try count(
            arguments, "username-max", default: ValidationOptions.defaultUsernameMaxLength, command: name)
        guard options.validation.usernameMinLength <= options.validation.usernameMaxLength else {
            throw fail("--username-min must not be above --username-max.")
        }
        guard options.validation.usernameMaxLength <= 255 else {
            throw fail("--username-max must be at most 255.")
        }
        options.reconcile.maxPeoplePerMobile = try count(
            arguments, "max-per-mobile", default: RunOptions.defaultMaxPeoplePerContact, command: name)
        options.reconcile.maxPeoplePerEmail = try count(
            arguments, "max-per-email", default: RunOptions.defaultMaxPeoplePerContact, command: name)
        if let text = arguments.value("report-language") {
            guard let language = ReportLanguage(rawValue: text.lowercased()) else {
                throw fail("--report-language must be en or ar, not '\(text)'.")
            }
            options.reportLanguage = language
        }
        return options
    }

    /// The input files: those found in DIR, each overridden by its `--citizens`, `--residents`, `--sponsors`.
    static func inputFiles(_ arguments: ParsedArguments, fail: (String) -> UsageError) throws(UsageError)
        -> [InputFile]
    {
        var inputs: [RecordKind: InputFile] = [:]
        if let directory = arguments.positionals.first {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue
            else { throw fail("'\(directory)' is not a folder.") }
            let found: (files: [InputFile], ambiguous: [RecordKind: [String]])
            do { found = try InputFile.discover(in: directory) } catch {
                throw fail("cannot list '\(directory)': \(error.localizedDescription)")
            }
            if let (kind, names) = found.ambiguous.first {
                throw fail(
                    "'\(directory)' holds several \(kind.filePrefix) files (\(names.joined(separator: ", "))); name one with --\(kind.filePrefix)."
                )
            }
            for file in found.files { inputs[file.kind] = file }
        }
        for kind in RecordKind.allCases {
            if let path = arguments.value(kind.filePrefix) { inputs[kind] = InputFile(kind: kind, path: path) }
        }
        guard !inputs.isEmpty else {
            throw fail(
                "No input files: give a folder holding citizens*.csv, residents*.csv or sponsors*.csv, or --citizens/--residents/--sponsors."
            )
        }

        return RecordKind.allCases.compactMap { inputs[$0] }
    }

    /// `--now`, read as cells are, or today (UTC).
    static func runDate(_ arguments: ParsedArguments, fail: (String) -> UsageError) throws(UsageError)
        -> GregorianDate
    {
        if let text = arguments.value("now") {
            guard case .success(let date) = CalendarDate.parse(text) else {
                throw fail(
                    "--now must be a date YYYY-MM-DD, Gregorian (1900 to 2100) or Hijri (1300 to 1500, or marked H or هـ), not '\(text)'."
                )
            }
            return date
        } else {
            let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
            return GregorianDate(
                iso: String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!))!
        }
    }

    /// `--delimiter` and `--encoding`.
    static func readerOptions(_ arguments: ParsedArguments, fail: (String) -> UsageError) throws(UsageError)
        -> ReaderOptions
    {
        var reader = ReaderOptions()
        if let text = arguments.value("delimiter") {
            switch text.lowercased() {
            case ",", "comma": reader.delimiter = UInt8(ascii: ",")
            case ";", "semicolon": reader.delimiter = UInt8(ascii: ";")
            case "tab", "\t", "\\t": reader.delimiter = 0x09
            case "|", "pipe": reader.delimiter = UInt8(ascii: "|")
            default: throw fail("--delimiter must be ',', ';', 'tab' or '|', not '\(text)'.")
            }
        }
        if let text = arguments.value("encoding") {
            guard let encoding = TextEncoding(name: text) else {
                throw fail("--encoding must be utf-8, utf-16le, utf-16be or windows-1256, not '\(text)'.")
            }
            reader.encoding = encoding
        }
        return reader
    }

    static func logger(_ arguments: ParsedArguments, command: String) throws(UsageError) -> Logger {
        var logger = Logger()
        logger.quiet = arguments.has("quiet")
        if let text = arguments.value("log-format") {
            guard let format = Logger.Format(rawValue: text) else {
                throw UsageError(message: "--log-format must be text or json, not '\(text)'.", command: command)
            }
            logger.format = format
        }
        return logger
    }

    static func rate(_ arguments: ParsedArguments, _ name: String, default value: Double, command: String)
        throws(UsageError) -> Double
    {
        guard let text = arguments.value(name) else { return value }
        guard let rate = Double(text), rate >= 0, rate <= 1 else {
            throw UsageError(message: "--\(name) must be a number from 0 to 1, not '\(text)'.", command: command)
        }
        return rate
    }

    static func count(_ arguments: ParsedArguments, _ name: String, default value: Int, command: String)
        throws(UsageError) -> Int
    {
        guard let text = arguments.value(name) else { return value }
        guard let number = Int(text), number >= 0 else {
            throw UsageError(message: "--\(name) must be a whole number, not '\(text)'.", command: command)
        }
        return number
    }

    /// `--log-format json`: the first info line of a run, before anything is read.
    static func logStart(_ options: RunOptions, logger: Logger) {
        guard logger.format == .json else { return }
        var fields: [Logger.Field] = [
            .string("command", options.command.rawValue), .string("run_date", options.validation.runDate.description),
        ]
        if options.command == .run {
            fields += [
                .string("mode", options.mode.rawValue), .string("store", StoreEngines.displayName(options.storePath)),
            ]
        }
        fields.append(.string("files", options.inputs.map(\.path).joined(separator: ",")))
        logger.info("\(options.command.rawValue) started", fields)
    }

    /// The end of a run: the nightly guards' warnings on stderr, with `--log-format json` one info line per
    /// phase, then the summary on stdout (a few lines, or with `--json` the object of summary.json), and the
    /// failure as the log's last line.
    static func finish(_ outcome: RunOutcome, options: RunOptions, logger: Logger, json: Bool) -> Int32 {
        for finding in outcome.findings where finding.rule == .fileKindMissing || finding.rule == .fileSameAsLastRun {
            let field: Logger.Field =
                finding.file.isEmpty ? .string("kind", finding.value) : .string("file", finding.file)
            logger.warning("\(finding.rule.code): \(finding.message)", [.string("rule", finding.rule.code), field])
        }
        let signal = RunInterruption.receivedSignal
        if signal != 0 && !outcome.exitStatus.isInterruption {
            logger.warning(
                "\(signal == SIGINT ? "SIGINT" : "SIGTERM") received after the commit had begun; "
                    + "the run and its report were finished first")
        }
        if logger.format == .json {
            for file in outcome.files {
                logger.info(
                    "file read",
                    [
                        .string("file", file.input.path), .string("kind", file.input.kind.rawValue),
                        .string("sha256", file.sha256), .integer("rows", file.rows),
                        .integer("accepted", file.accepted),
                        .integer("rejected", file.rejected), .integer("warnings", file.warnings),
                    ])
            }
            if outcome.failure == nil {
                var fields: [Logger.Field] = [
                    .string("run_id", outcome.runID), .string("status", outcome.status.rawValue),
                    .integer("rows", outcome.rowsRead), .integer("accepted", outcome.rowsAccepted),
                    .integer("rejected", outcome.rowsRejected),
                ]
                for kind in ChangeKind.allCases {
                    if let count = outcome.changeCounts[kind] { fields.append(.integer(kind.rawValue, count)) }
                }
                let message =
                    switch outcome.status {
                    case .committed: "committed"
                    case .dryRun: outcome.command == .run ? "dry run rolled back" : "checked"
                    default: outcome.status.rawValue
                    }
                logger.info(message, fields)
            }
            if let reportPath = outcome.reportPath { logger.info("report written", [.string("report", reportPath)]) }
        }
        if json {
            Console.out(outcome.summaryJSON(options: options) + "\n")
        } else if !logger.quiet {
            var text = "\(outcome.command.rawValue) \(outcome.status.rawValue): "
            if outcome.files.isEmpty && outcome.failure != nil {
                // Stopped before any file was read (the store locked or unusable): no counts to give.
                text += "no file was read\n"
            } else {
                text += "\(outcome.rowsRead) rows read, \(outcome.rowsAccepted) accepted, "
                text += "\(outcome.rowsRejected) rejected, \(outcome.warningCount) warnings\n"
            }
            for file in outcome.files {
                text +=
                    "  \(TerminalText.escaped(file.input.name)): \(file.rows) rows, \(file.accepted) accepted, \(file.rejected) rejected\n"
            }
            if outcome.command == .run {
                let changes = ChangeKind.allCases.compactMap { kind in
                    outcome.changeCounts[kind].map { "\($0) \(kind.rawValue)" }
                }
                if !changes.isEmpty { text += "  changes: " + changes.joined(separator: ", ") + "\n" }
            }
            if outcome.command == .validate { text += FixFirst(outcome: outcome, maskPII: options.maskPII).text }
            if let reportPath = outcome.reportPath { text += "  report: \(TerminalText.escaped(reportPath))\n" }
            Console.out(text)
        }
        for note in outcome.notes { logger.warning(note) }
        if let failure = outcome.failure {
            logger.failure(failure, exitStatus: outcome.exitStatus)
        }
        return outcome.exitStatus.rawValue
    }
}
