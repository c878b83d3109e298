import AbsherImport
import AbsherReports
import AbsherStore
import AbsherSupport
import Foundation

/// `absher-import matches list|dismiss ID ID`: the pairs of contract §4b, one person under two IDs.
enum MatchesCommand: Command {
    static let name = "matches"
    static let abstract = "List the possible duplicates (one person under two IDs), or dismiss a pair."
    static let discussion = """
        `matches list` shows every pair a committed run reported in its matches.csv (two person records with
        different IDs that are probably one person), the open ones first, then those dismissed, with who
        dismissed them and when. `matches dismiss ID ID` records that the two IDs are different people: the
        pair is never reported again. Who is $USER (or $LOGNAME), when is now (UTC). Dismissing takes the run
        lock for a moment; listing opens the store read-only. Neither creates a store.
        """
    static let arguments = [
        ArgumentSpec("list|dismiss", "What to do.", isOptional: false),
        ArgumentSpec("ID", "For dismiss: the two IDs, in either order."),
    ]
    static let options: [OptionSpec] = [
        .value(
            "store", "DB", "The store: a SQLite file, or a PostgreSQL URI (postgresql://...).",
            default: RunOptions.defaultStorePath),
        .flag("json", "For list: print the pairs on stdout as a JSON array."),
    ]
    static let exitCodes: [(code: Int32, meaning: String)] = [
        (0, "Listed, or the pair is recorded as two people (also when it already was)."), (64, "Usage error."),
        (73, "The store does not exist or is not an absher-import store."),
        (74, "The store cannot be read or written."),
        (69, "The store's PostgreSQL server cannot be reached or refuses the login."),
        (75, "The store is locked by a run."),
    ]
    static let examples = [
        HelpExample("The open and dismissed pairs of ./absher.sqlite:", "absher-import matches list"),
        HelpExample("Two IDs that are two people:", "absher-import matches dismiss 1012345674 2012345672"),
    ]
    static let maxPositionals = 3

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let store = arguments.value("store") ?? RunOptions.defaultStorePath
        switch arguments.positionals.first {
        case "list":
            guard arguments.positionals.count == 1 else {
                throw UsageError(message: "matches list takes no IDs.", command: name)
            }
            return list(store: store, json: arguments.has("json"))
        case "dismiss":
            let ids = Array(arguments.positionals.dropFirst())
            guard ids.count == 2, ids.allSatisfy(isID), ids[0] != ids[1] else {
                throw UsageError(message: "matches dismiss needs two different 10-digit IDs.", command: name)
            }
            return dismiss(ids[0], ids[1], store: store)
        default:
            throw UsageError(message: "Missing what to do: list or dismiss.", command: name)
        }
    }

    static func isID(_ text: String) -> Bool {
        text.utf8.count == 10 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    private static func list(store: String, json: Bool) -> Int32 {
        let pairs: [StoredMatchPair]
        do {
            let reader = try StoreEngines.openReader(store)
            defer { reader.close() }
            pairs = try reader.matchPairs()
        } catch {
            return LookupCommand.storeFailure(error, store: store)
        }
        if json {
            Console.out(JSONValue.array(pairs.map(self.json)).serialized() + "\n")
        } else if pairs.isEmpty {
            Console.out("No possible duplicates.\n")
        } else {
            Console.out(render(pairs))
        }
        return ExitStatus.success.rawValue
    }

    private static func dismiss(_ a: String, _ b: String, store: String) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let who = environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LOGNAME"] ?? "unknown"
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let pair = DismissedPair(a, b, dismissedBy: who, dismissedAt: formatter.string(from: Date()))
        do {
            // Never a new store: the reader refuses a missing or foreign one first.
            try StoreEngines.openReader(store).close()
            let engine = try StoreEngines.open(store, lockTimeoutSeconds: 0)
            defer { engine.close() }
            try engine.inRunTransaction { runStore in
                try runStore.dismiss(pair)
                return .commit
            }
        } catch {
            return LookupCommand.storeFailure(error, store: store)
        }
        Console.out("Recorded: \(pair.first) and \(pair.second) are two people (by \(TerminalText.escaped(who))).\n")
        return ExitStatus.success.rawValue
    }

    static func json(_ pair: StoredMatchPair) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("record_id", .string(pair.firstID)), ("kind", .string(pair.firstKind)),
            ("other_id", .string(pair.secondID)), ("other_kind", .string(pair.secondKind)),
            ("score", .double(pair.score)),
            ("reasons", .array(pair.reasons.split(separator: ",").map { .string(String($0)) })),
            ("run_id", .string(pair.runKey)), ("status", .string(pair.dismissal == nil ? "open" : "dismissed")),
        ]
        if let dismissal = pair.dismissal {
            fields += [
                ("dismissed_by", .string(dismissal.dismissedBy)), ("dismissed_at", .string(dismissal.dismissedAt)),
            ]
        }
        return .object(fields)
    }

    /// `lookup`'s lines for a record's pairs, none when it has none.
    static func lookupLines(_ pairs: [StoredMatchPair], of id: String) -> String {
        guard !pairs.isEmpty else { return "" }
        var text = "  possible duplicates (matches list, matches dismiss):\n"
        for pair in pairs {
            let (other, kind) = pair.firstID == id ? (pair.secondID, pair.secondKind) : (pair.firstID, pair.firstKind)
            let status = pair.dismissal.map { "dismissed by \(TerminalText.escaped($0.dismissedBy))" } ?? "open"
            text +=
                "    \(other) \(kind.isEmpty ? "-" : kind)  score \(String(format: "%.3f", (pair.score * 1000).rounded(.down) / 1000))"
            text += "  \(pair.reasons.isEmpty ? "-" : pair.reasons)  \(status)\n"
        }
        return text
    }

    static func render(_ pairs: [StoredMatchPair]) -> String {
        let header = ["RECORD", "KIND", "OTHER", "OTHER KIND", "SCORE", "REASONS", "RUN", "STATUS"]
        let rows = pairs.map { pair -> [String] in
            let status = pair.dismissal.map { "dismissed by \($0.dismissedBy) at \($0.dismissedAt)" } ?? "open"
            return [
                pair.firstID, pair.firstKind, pair.secondID, pair.secondKind,
                String(format: "%.3f", (pair.score * 1000).rounded(.down) / 1000),
                pair.reasons, pair.runKey, status,
            ]
        }
        return LookupCommand.TextTable.render(header: header, rows: rows)
    }
}
