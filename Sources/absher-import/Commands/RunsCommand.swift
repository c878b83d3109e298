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
    static let usage = "absher-import runs [--store DB]"
    static let discussion = """
        One line per run that reached the store, oldest first (the newest is just above the prompt): its id
        (the name of its report folder), start and end (UTC), mode, status, exit code, rows read, accepted and
        rejected, warnings, and the changes it made. Aborted runs and dry runs commit nothing; they are listed
        only if the store recorded them. The store is opened read-only and never created.

        EXIT CODES:
          0 listed (also when there are no runs yet)   64 usage error
          73 the store does not exist or is not an absher-import store   74 the store cannot be read

        EXAMPLES:
          absher-import runs
          absher-import runs --store /var/lib/absher/absher.sqlite | tail -5
        """
    static let options: [OptionSpec] = [
        .value("store", "DB", "The SQLite store, opened read-only.", default: "absher.sqlite")
    ]
    static let maxPositionals = 0

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let store = arguments.value("store") ?? "absher.sqlite"
        let runs: [RunSummary]
        do {
            let reader = try StoreEngines.openReader(store)
            defer { reader.close() }
            runs = try reader.runs()
        } catch {
            return LookupCommand.storeFailure(error, store: store)
        }
        guard !runs.isEmpty else {
            Console.out("No runs yet.\n")
            return ExitStatus.success.rawValue
        }
        Console.out(render(runs))
        return ExitStatus.success.rawValue
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
