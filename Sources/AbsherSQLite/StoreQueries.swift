import AbsherRules
import AbsherSchema
import AbsherStore
import AbsherSupport
import CSQLite

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Read-only questions an operator asks of the store: `absher-import lookup` and `absher-import runs`
/// (contract §7 Command line). It only reads; open its database with `StoreQueries.openReadOnly(path:)`, which never
/// creates a store, so a mistyped `--store` is an error rather than a new empty file.
///
/// The nested types are the answers, kept here because nothing else uses them.
public struct StoreQueries {
    public typealias Key = LookupKey
    public typealias HistoryEntry = RecordHistoryEntry
    public typealias FoundRecord = AbsherStore.FoundRecord
    public typealias LookupResult = AbsherStore.LookupResult
    public typealias RunSummary = AbsherStore.RunSummary
    /// The connection the questions are asked on (normally from `openReadOnly(path:)`).
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    // MARK: - Opening

    /// Opens an existing store read-only (`SQLITE_OPEN_READONLY`) and checks that it is one this build knows.
    ///
    /// - Throws: `DatabaseError`: `SQLITE_CANTOPEN` when there is no file at `path` (nothing is created);
    ///   `isNotADatabase` when the file is not SQLite, or is SQLite without the store's schema
    ///   (`PRAGMA user_version` 0) or another application's (`StoreIdentity`); `SQLITE_ERROR` when a newer
    ///   build made it.
    public static func openReadOnly(path: String) throws(DatabaseError) -> Database {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw DatabaseError(resultCode: SQLITE_CANTOPEN, message: "there is no store at \(path)")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw DatabaseError(resultCode: SQLITE_CANTOPEN, message: "\(path) is not a regular file")
        }
        let database: Database
        do {
            database = try Database(path: path, readOnly: true)
        } catch  where error.isNotADatabase {
            throw DatabaseError(resultCode: error.resultCode, message: "\(path) is not a SQLite file")
        }
        let version = try database.scalarInt("PRAGMA user_version") ?? 0
        guard version > 0 else {
            database.close()
            throw DatabaseError(
                resultCode: SQLITE_NOTADB,
                message: "\(path) is a SQLite file but not an absher-import store (it has no schema version)")
        }
        do {
            try StoreIdentity.check(database, path: path)
        } catch {
            database.close()
            throw error
        }
        guard version <= Migrations.latestVersion else {
            database.close()
            throw DatabaseError(
                resultCode: SQLITE_ERROR,
                message: "\(path) has schema version \(version), newer than this build's \(Migrations.latestVersion)")
        }
        return database
    }

    // MARK: - Lookup

    /// What a lookup value is (`LookupKey(parsing:)`).
    public static func key(for value: String) -> Key { LookupKey(parsing: value) }

    /// Finds the person and/or sponsor with an ID, every person and sponsor with a mobile, or the person
    /// with a username (case-insensitively), with all their fields, active or not, and their history.
    /// An empty `records` means nothing matched.
    public func lookup(_ value: String) throws(DatabaseError) -> LookupResult {
        let key = Self.key(for: value)
        var records: [FoundRecord] = []
        switch key {
        case .id(let id):
            records += try people(where: "p.id = ?", id)
            records += try sponsors(where: "s.id = ?", id)
        case .mobile(let mobile):
            records += try people(where: "p.mobile = ?", mobile)
            records += try sponsors(where: "s.mobile = ?", mobile)
        case .username(let usernameKey):
            records += try people(where: "p.username_key = ?", usernameKey)
        }
        for index in records.indices {
            records[index].history = try history(of: records[index].record)
        }
        return LookupResult(key: key, records: records)
    }

    /// The people matching `condition` (one `?`, bound to `value`), by ID.
    private func people(where condition: String, _ value: String) throws(DatabaseError) -> [FoundRecord] {
        // Citizens and residents share the table; read the union of their fields and keep each kind's own.
        let columns = Self.personColumns.map { "p.\($0.rawValue)" }.joined(separator: ", ")
        let statement = try database.prepare(
            """
            SELECT p.id, p.kind, p.active, first.run_key, last.run_key, \(columns)
            FROM people p
            LEFT JOIN runs first ON first.id = p.first_run_id
            LEFT JOIN runs last ON last.id = p.last_changed_run_id
            WHERE \(condition) ORDER BY p.id
            """)
        statement.bind(value, at: 1)
        var found: [FoundRecord] = []
        while try statement.step() {
            let kind: RecordKind = statement.columnString(1) == RecordKind.resident.rawValue ? .resident : .citizen
            let values = kind.fields.map { field -> String? in
                let index = Self.personColumns.firstIndex(of: field)!
                return statement.columnString(Int32(5 + index))
            }
            found.append(
                FoundRecord(
                    record: CanonicalRecord(kind: kind, id: statement.columnString(0) ?? "", values: values),
                    active: statement.columnInt(2) == 1, firstRunKey: statement.columnString(3),
                    lastChangedRunKey: statement.columnString(4), history: []))
        }
        return found
    }

    /// Every field a person of either kind has (residents' fields include citizens').
    private static let personColumns: [Field] = RecordKind.resident.fields

    /// The sponsors matching `condition` (one `?`, bound to `value`), by ID.
    private func sponsors(where condition: String, _ value: String) throws(DatabaseError) -> [FoundRecord] {
        let fields = RecordKind.sponsor.fields
        let columns = fields.map { "s.\($0.rawValue)" }.joined(separator: ", ")
        let statement = try database.prepare(
            """
            SELECT s.id, s.active, first.run_key, last.run_key, \(columns)
            FROM sponsors s
            LEFT JOIN runs first ON first.id = s.first_run_id
            LEFT JOIN runs last ON last.id = s.last_changed_run_id
            WHERE \(condition) ORDER BY s.id
            """)
        statement.bind(value, at: 1)
        var found: [FoundRecord] = []
        while try statement.step() {
            let values = fields.indices.map { statement.columnString(Int32(4 + $0)) }
            found.append(
                FoundRecord(
                    record: CanonicalRecord(kind: .sponsor, id: statement.columnString(0) ?? "", values: values),
                    active: statement.columnInt(1) == 1, firstRunKey: statement.columnString(2),
                    lastChangedRunKey: statement.columnString(3), history: []))
        }
        return found
    }

    /// The history of one record (its ID and kind: a citizen and a sponsor may share an ID), in order: its
    /// `new` entry from `first_run_id` (a load does not write a `changes` row per inserted record), then its
    /// `changes` rows.
    private func history(of record: CanonicalRecord) throws(DatabaseError) -> [HistoryEntry] {
        let table = record.kind == .sponsor ? "sponsors" : "people"
        let statement = try database.prepare(
            """
            SELECT r.run_key, r.started_at, 'new', NULL, NULL, NULL, r.id AS run_order, 0 AS change_order
            FROM \(table) t JOIN runs r ON r.id = t.first_run_id
            WHERE t.id = ?1 AND NOT EXISTS (
                SELECT 1 FROM changes WHERE record_id = ?1 AND record_kind = ?2 AND change = 'new')
            UNION ALL
            SELECT r.run_key, r.started_at, c.change, c.field, c.old_value, c.new_value, c.run_id, c.id
            FROM changes c JOIN runs r ON r.id = c.run_id
            WHERE c.record_id = ?1 AND c.record_kind = ?2
            ORDER BY 7, 8
            """)
        statement.bind(record.id, at: 1)
        statement.bind(record.kind.rawValue, at: 2)
        var entries: [HistoryEntry] = []
        while try statement.step() {
            let text = statement.columnString(2) ?? ""
            guard let change = ChangeKind(rawValue: text) else {
                throw DatabaseError(resultCode: SQLITE_CORRUPT, message: "unknown change kind '\(text)' in changes")
            }
            entries.append(
                HistoryEntry(
                    runKey: statement.columnString(0) ?? "", startedAt: statement.columnString(1) ?? "",
                    change: change, field: statement.columnString(3), oldValue: statement.columnString(4),
                    newValue: statement.columnString(5)))
        }
        return entries
    }

    // MARK: - Runs

    /// Every run in the store, oldest first.
    public func runs() throws(DatabaseError) -> [RunSummary] {
        let statement = try database.prepare(
            """
            SELECT id, run_key, started_at, ended_at, run_date, mode, status, exit_code,
                rows_read, rows_accepted, rows_rejected, warnings
            FROM runs ORDER BY id
            """)
        var rowIDs: [Int64: Int] = [:]
        var summaries: [RunSummary] = []
        while try statement.step() {
            rowIDs[statement.columnInt(0) ?? 0] = summaries.count
            summaries.append(
                RunSummary(
                    runKey: statement.columnString(1) ?? "", startedAt: statement.columnString(2) ?? "",
                    endedAt: statement.columnString(3), runDate: statement.columnString(4) ?? "",
                    mode: statement.columnString(5) ?? "", status: statement.columnString(6) ?? "",
                    exitCode: statement.columnInt(7).map { Int($0) }, rowsRead: Int(statement.columnInt(8) ?? 0),
                    rowsAccepted: Int(statement.columnInt(9) ?? 0), rowsRejected: Int(statement.columnInt(10) ?? 0),
                    warnings: Int(statement.columnInt(11) ?? 0), changeCounts: [:]))
        }
        let counts = try database.prepare("SELECT run_id, name, count FROM run_counts WHERE category = 'change'")
        while try counts.step() {
            guard let index = rowIDs[counts.columnInt(0) ?? 0],
                let kind = ChangeKind(rawValue: counts.columnString(1) ?? "")
            else { continue }
            summaries[index].changeCounts[kind] = Int(counts.columnInt(2) ?? 0)
        }
        return summaries
    }
}
