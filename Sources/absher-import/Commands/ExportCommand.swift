import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// `absher-import export --out DIR`: the store's active records as CSV files a run can read back.
enum ExportCommand: Command {
    static let name = "export"
    static let abstract = "Write the store's active records as citizens.csv, residents.csv and sponsors.csv."
    static let discussion = """
        Writes DIR/citizens.csv, DIR/residents.csv and DIR/sponsors.csv (DIR is created, mode 0700, if missing;
        files are mode 0600 and replace older exports whole): the English headers and column order, active
        records only, sorted by ID, canonical values (dates YYYY-MM-DD Gregorian, e-mail domains lower-case).
        Values are exact, without the formula guard of the reports (a mobile is +9665XXXXXXXX, a name may start
        with =): open the files in a spreadsheet only through its text import, every column as text. Running 'absher-import run DIR' on the export with the same store and --now
        reports every record unchanged. The store is opened read-only and never created.
        """
    static let options: [OptionSpec] = [
        .value(
            "store", "DB", "The store: a SQLite file, or a PostgreSQL URI (postgresql://...); opened read-only.",
            default: RunOptions.defaultStorePath),
        .value("out", "DIR", "The folder to write the three files into (required).", isRequired: true),
        .flag("json", "Print the files written on stdout as a JSON array."),
    ]
    static let exitCodes: [(code: Int32, meaning: String)] = [
        (0, "Exported."), (64, "Usage error."),
        (73, "The store does not exist or is not a store, or DIR cannot be created."),
        (74, "The store cannot be read or a file cannot be written."),
        (69, "The store's PostgreSQL server cannot be reached or refuses the login."), (75, "The store is locked."),
    ]
    static let examples = [
        HelpExample("Export ./absher.sqlite:", "absher-import export --out /tmp/absher-export"),
        HelpExample(
            "Export the installed store into a dated folder:",
            "absher-import export --store \(InstallPaths.store) --out /srv/exports/2026-11-25"),
        HelpExample(
            "The number of rows written:",
            "absher-import export --out /tmp/absher-export --json | jq 'map(.rows) | add'"),
    ]
    static let maxPositionals = 0

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        guard let folder = arguments.value("out"), !folder.isEmpty else {
            throw UsageError(message: "Missing --out DIR: the folder to write the CSV files into.", command: name)
        }
        let store = arguments.value("store") ?? RunOptions.defaultStorePath
        let summary: StoreExport.Summary
        do {
            summary = try StoreExport.export(storePath: store, to: folder)
        } catch {
            return LookupCommand.storeFailure(error, store: store)
        }
        if arguments.has("json") {
            let files = RecordKind.allCases.map { kind -> JSONValue in
                .object([
                    ("path", .string(summary.path(for: kind))), ("kind", .string(kind.rawValue)),
                    ("rows", .int(summary.rows[kind] ?? 0)),
                ])
            }
            Console.out(JSONValue.array(files).serialized() + "\n")
            return ExitStatus.success.rawValue
        }
        var text = "Exported the active records of \(TerminalText.escaped(StoreEngines.displayName(store))):\n"
        text += LookupCommand.TextTable.render(
            header: ["FILE", "ROWS"],
            rows: RecordKind.allCases.map { [summary.path(for: $0), String(summary.rows[$0] ?? 0)] }, indent: 2)
        Console.out(text)
        return ExitStatus.success.rawValue
    }
}
