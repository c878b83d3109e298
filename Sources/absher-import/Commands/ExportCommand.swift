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
    static let usage = "absher-import export [--store DB] --out DIR"
    static let discussion = """
        Writes DIR/citizens.csv, DIR/residents.csv and DIR/sponsors.csv (DIR is created, mode 0700, if missing;
        files are mode 0600 and replace older exports whole): the English headers and column order, active
        records only, sorted by ID, canonical values (dates YYYY-MM-DD Gregorian, e-mail domains lower-case).
        Mobiles are written 05XXXXXXXX, because the formula guard of every CSV the tool writes would turn
        +966... into '+966.... Running 'absher-import run DIR' on the export with the same store and --now
        reports every record unchanged. The store is opened read-only and never created.

        EXIT CODES:
          0 exported   64 usage error   73 the store does not exist or is not a store, or DIR cannot be created
          74 the store cannot be read or a file cannot be written

        EXAMPLES:
          absher-import export --out /tmp/absher-export
          absher-import export --store /var/lib/absher/absher.sqlite --out /srv/exports/2026-11-25
        """
    static let options: [OptionSpec] = [
        .value("store", "DB", "The SQLite store, opened read-only.", default: "absher.sqlite"),
        .value("out", "DIR", "The folder to write the three files into (required)."),
    ]
    static let maxPositionals = 0

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        guard let folder = arguments.value("out"), !folder.isEmpty else {
            throw UsageError(message: "Missing --out DIR: the folder to write the CSV files into.", command: name)
        }
        let store = arguments.value("store") ?? "absher.sqlite"
        let summary: StoreExport.Summary
        do {
            summary = try StoreExport.export(storePath: store, to: folder)
        } catch {
            return LookupCommand.storeFailure(error, store: store)
        }
        var text = "Exported the active records of \(store):\n"
        text += LookupCommand.TextTable.render(
            header: ["FILE", "ROWS"],
            rows: RecordKind.allCases.map { [summary.path(for: $0), String(summary.rows[$0] ?? 0)] }, indent: 2)
        Console.out(text)
        return ExitStatus.success.rawValue
    }
}
