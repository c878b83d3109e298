import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// `absher-import runs`: the run log, oldest first, with each run's counts.
enum RunsCommand: Command {
    static let name = "runs"
    static let abstract = "List the past runs with their row and change counts."
    static let discussion = """
        One line per run that reached the store, oldest first (the newest is just above the prompt): its id
        (the name of its report folder), start and end (UTC), mode, status, exit code, rows read, accepted and
        rejected, warnings, and the changes it made. Aborted runs and dry runs commit nothing; they are listed
        only if the store recorded them. The store is opened read-only and never created.
        """
    static let options: [OptionSpec] = [
        .value(
            "store", "DB", "The store: a SQLite file, or a PostgreSQL URI (postgresql://...); opened read-only.",
            default: RunOptions.defaultStorePath),
        .flag("json", "Print the runs on stdout as a JSON array, oldest first."),
    ]
    static let exitCodes: [(code: Int32, meaning: String)] = [
        (0, "Listed (also when there are no runs yet)."), (64, "Usage error."),
        (73, "The store does not exist or is not an absher-import store."), (74, "The store cannot be read."),
        (69, "The store's PostgreSQL server cannot be reached or refuses the login."), (75, "The store is locked."),
    ]
    static let examples = [
        HelpExample("The runs of ./absher.sqlite:", "absher-import runs"),
        HelpExample(
            "The last five runs of the installed store:", "absher-import runs --store \(InstallPaths.store) | tail -5"),
        HelpExample(
            "The exit code of the last run, for monitoring:", "absher-import runs --json | jq '.[-1].exit_code'"),
    ]
    static let maxPositionals = 0

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let store = arguments.value("store") ?? RunOptions.defaultStorePath
        let runs: [RunSummary]
        do {
            let reader = try StoreEngines.openReader(store)
            defer { reader.close() }
            runs = try reader.runs()
        } catch {
            return LookupCommand.storeFailure(error, store: store)
        }
        if arguments.has("json") {
            Console.out(JSONValue.array(runs.map(json)).serialized() + "\n")
            return ExitStatus.success.rawValue
        }
        guard !runs.isEmpty else {
            Console.out("No runs yet.\n")
            return ExitStatus.success.rawValue
        }
        Console.out(render(runs))
        return ExitStatus.success.rawValue
    }

    /// One run for `--json`, with the names of `summary.json` where they mean the same.
    static func json(_ run: RunSummary) -> JSONValue {
        .object([
            ("run_id", .string(run.runKey)), ("started_at", .string(run.startedAt)),
            ("ended_at", run.endedAt.map(JSONValue.string) ?? .null), ("run_date", .string(run.runDate)),
            ("mode", .string(run.mode)), ("status", .string(run.status)),
            ("exit_code", run.exitCode.map(JSONValue.int) ?? .null), ("rows", .int(run.rowsRead)),
            ("accepted", .int(run.rowsAccepted)), ("rejected", .int(run.rowsRejected)),
            ("warnings", .int(run.warnings)),
            (
                "changes",
                .object(
                    ChangeKind.allCases.compactMap { kind in run.changeCounts[kind].map { (kind.rawValue, .int($0)) } })
            ),
        ])
    }

    /// The runs as one table; changes as `3 new, 1 updated` in the contract's order of change kinds (§5.4).
    static func render(_ runs: [RunSummary]) -> String {
        let header = [
            "RUN", "STARTED", "ENDED", "MODE", "STATUS", "EXIT", "READ", "ACCEPTED", "REJECTED", "WARNINGS", "CHANGES",
        ]
        let rows = runs.map { run -> [String] in
            let changes = ChangeKind.allCases.compactMap { kind in
                run.changeCounts[kind].map { "\($0) \(kind.rawValue)" }
            }
            return [
                run.runKey, run.startedAt, run.endedAt ?? "-", run.mode, run.status,
                run.exitCode.map(String.init) ?? "-",
                String(run.rowsRead), String(run.rowsAccepted), String(run.rowsRejected), String(run.warnings),
                changes.isEmpty ? "-" : changes.joined(separator: ", "),
            ]
        }
        return LookupCommand.TextTable.render(header: header, rows: rows)
    }
}
