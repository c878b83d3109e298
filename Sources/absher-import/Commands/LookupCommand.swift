import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// `absher-import lookup VALUE`: one person or sponsor, every field and its history.
enum LookupCommand: Command {
    static let name = "lookup"
    static let abstract = "Show the record with an ID, mobile or username, and its history."
    static let discussion = """
        VALUE is read as a national ID, iqama or unified number when it is 10 digits not starting with 0
        (Arabic-Indic digits allowed): the person and/or the sponsor with that ID. Otherwise as a Saudi mobile
        in any accepted form (0501234567, 501234567, +966501234567, 00966501234567, with spaces or dashes):
        every person and sponsor with that mobile. Otherwise as a username, in any letter case. Inactive
        records are shown too. The store is opened read-only and never created.
        """
    static let arguments = [ArgumentSpec("VALUE", "An ID, a mobile or a username.", isOptional: false)]
    static let options: [OptionSpec] = [
        .value(
            "store", "DB", "The store: a SQLite file, or a PostgreSQL URI (postgresql://...); opened read-only.",
            default: RunOptions.defaultStorePath),
        .flag("json", "Print the records with their history on stdout as a JSON array."),
    ]
    static let exitCodes: [(code: Int32, meaning: String)] = [
        (0, "Found."), (1, "Nothing found (with --json, an empty array)."), (64, "Usage error."),
        (73, "The store does not exist or is not an absher-import store."), (74, "The store cannot be read."),
        (69, "The store's PostgreSQL server cannot be reached or refuses the login."), (75, "The store is locked."),
    ]
    static let examples = [
        HelpExample("A person by national ID:", "absher-import lookup 1012345674"),
        HelpExample(
            "Everyone with a mobile, in the installed store:",
            "absher-import lookup \"+966 50 123 4567\" --store \(InstallPaths.store)"),
        HelpExample(
            "A username, as JSON, its last change only:", "absher-import lookup Sultan.A --json | jq '.[0].history[-1]'"
        ),
    ]
    static let maxPositionals = 1

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        guard let value = arguments.positionals.first, !value.isEmpty else {
            throw UsageError(message: "Missing VALUE: an ID, a mobile or a username.", command: name)
        }
        let store = arguments.value("store") ?? RunOptions.defaultStorePath
        let result: LookupResult
        let pairs: [StoredMatchPair]
        do {
            let reader = try StoreEngines.openReader(store)
            defer { reader.close() }
            result = try reader.lookup(value)
            pairs = result.records.contains { $0.record.kind != .sponsor } ? try reader.matchPairs() : []
        } catch {
            return storeFailure(error, store: store)
        }
        func duplicates(_ found: FoundRecord) -> [StoredMatchPair] {
            found.record.kind == .sponsor
                ? [] : pairs.filter { $0.firstID == found.record.id || $0.secondID == found.record.id }
        }
        if arguments.has("json") {
            Console.out(
                JSONValue.array(result.records.map { json($0, duplicates: duplicates($0)) }).serialized() + "\n")
        }
        guard !result.records.isEmpty else {
            Console.err(
                "Nothing found: no record with \(TerminalText.escaped("\(result.key)")) in \(TerminalText.escaped(StoreEngines.displayName(store)))).\n"
            )
            return ExitStatus.aborted.rawValue
        }
        if !arguments.has("json") {
            Console.out(
                result.records.map { render($0) + MatchesCommand.lookupLines(duplicates($0), of: $0.record.id) }
                    .joined(separator: "\n"))
        }
        return ExitStatus.success.rawValue
    }

    /// One record for `--json`: its kind, ID, status, every column (null when empty), the runs that created and
    /// last changed it, and its history, oldest first.
    /// With `possible_duplicates` (contract §4b) when the record has pairs.
    static func json(_ found: FoundRecord, duplicates: [StoredMatchPair]) -> JSONValue {
        guard !duplicates.isEmpty, case .object(let fields) = json(found) else { return json(found) }
        return .object(fields + [("possible_duplicates", .array(duplicates.map(MatchesCommand.json)))])
    }

    static func json(_ found: FoundRecord) -> JSONValue {
        let record = found.record
        let columns: [(String, JSONValue)] = record.kind.columns.map { entry in
            let column = entry.column
            let value = column == record.kind.idColumn ? record.id : column.field.flatMap { record[$0] }
            return (column.rawValue, value.map(JSONValue.string) ?? .null)
        }
        func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
        return .object([
            ("kind", .string(record.kind.rawValue)), ("id", .string(record.id)), ("active", .bool(found.active)),
            ("fields", .object(columns)), ("created_by_run", optional(found.firstRunKey)),
            ("last_changed_by_run", optional(found.lastChangedRunKey)),
            (
                "history",
                .array(
                    found.history.map { entry in
                        .object([
                            ("run_id", .string(entry.runKey)), ("started_at", .string(entry.startedAt)),
                            ("change", .string(entry.change.rawValue)), ("field", optional(entry.field)),
                            ("old_value", optional(entry.oldValue)), ("new_value", optional(entry.newValue)),
                        ])
                    })
            ),
        ])
    }

    /// One record: aligned `label: value` lines, then its history as a table.
    static func render(_ found: FoundRecord) -> String {
        let record = found.record
        var lines: [(String, String)] = [
            ("kind", record.kind.rawValue), ("status", found.active ? "active" : "INACTIVE"),
        ]
        for entry in record.kind.columns {
            let column = entry.column
            let value = column == record.kind.idColumn ? record.id : column.field.flatMap { record[$0] }
            lines.append((column.rawValue, value ?? "-"))
        }
        lines.append(("created by run", found.firstRunKey ?? "-"))
        lines.append(("last changed by run", found.lastChangedRunKey ?? "-"))
        var text = "\(record.kind.rawValue.uppercased()) \(TerminalText.escaped(record.id))\n"
        text += TextTable.fields(lines)
        if found.history.isEmpty {
            text += "  history: none recorded\n"
        } else {
            text += "  history (oldest first):\n"
            let rows = found.history.map { entry in
                [
                    entry.runKey, entry.startedAt, entry.change.rawValue, entry.field ?? "", entry.oldValue ?? "",
                    entry.newValue ?? "",
                ]
            }
            text += TextTable.render(
                header: ["RUN", "STARTED", "CHANGE", "FIELD", "OLD", "NEW"], rows: rows, indent: 4)
        }
        return text
    }

    /// The message and exit code for an error of a read-only store command (`lookup`, `runs`, `export`):
    /// the store cannot be opened (missing, not SQLite, not a store): 73; cannot be read: 74; locked: 75;
    /// an export file or folder: 73 (create) or 74 (write).
    static func storeFailure(_ error: any Error, store: String) -> Int32 {
        let failure = ExitMapping.storeCommandFailure(error, store: store)
        let status = failure.status
        let message = failure.message
        Console.err("Error: \(TerminalText.escaped(message)) (exit \(status.rawValue))\n")
        return status.rawValue
    }
}

extension LookupCommand {
    /// Plain-text tables for the terminal, aligned by characters (the store's values are NFC text); `runs` and
    /// `export` use them too. Every cell is escaped (`TerminalText`): stored values came from outside.
    enum TextTable {
        /// `  label:  value` lines, the values aligned one column after the longest label.
        static func fields(_ lines: [(String, String)], indent: Int = 2) -> String {
            let width = lines.map { $0.0.count }.max() ?? 0
            let pad = String(repeating: " ", count: indent)
            return lines.map { label, raw in
                let value = TerminalText.escaped(raw)
                return pad + (label + ":").padding(toLength: width + 2, withPad: " ", startingAt: 0) + value + "\n"
            }.joined()
        }

        /// A header and rows in columns two spaces apart; the last column is not padded.
        static func render(header: [String], rows rawRows: [[String]], indent: Int = 0) -> String {
            let rows = rawRows.map { $0.map(TerminalText.escaped) }
            var widths = header.map(\.count)
            for row in rows {
                for (index, cell) in row.enumerated() where index < widths.count {
                    widths[index] = max(widths[index], cell.count)
                }
            }
            let pad = String(repeating: " ", count: indent)
            func line(_ cells: [String]) -> String {
                var text = pad
                for (index, cell) in cells.enumerated() {
                    if index == cells.count - 1 {
                        text += cell
                    } else {
                        text += cell.padding(toLength: widths[index] + 2, withPad: " ", startingAt: 0)
                    }
                }
                while text.hasSuffix(" ") { text.removeLast() }
                return text + "\n"
            }
            return ([header] + rows).map(line).joined()
        }
    }
}
