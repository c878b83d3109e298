import AbsherSchema
import AbsherStore
import PostgresClient

/// `StoreReader` on a PostgreSQL store: `lookup`, `runs` and `export` on a read-only connection
/// (`default_transaction_read_only`), which never creates or migrates the store. The queries are those of
/// the SQLite engine's `StoreQueries`, with every order on text in byte order (`COLLATE "C"`, as SQLite
/// compares), so that both engines answer alike.
package final class PostgresStoreReader: StoreReader {
    let connection: PostgresConnection

    /// - Throws: `PostgresError` (unreachable, login refused), `PostgresStoreError` (no store in this
    ///   database, or a newer build's).
    package init(connectionString: String) throws {
        connection = try PostgresConnection(PostgresConnectionString(connectionString), readOnly: true)
        do {
            guard let version = try PostgresMigrations.currentVersion(connection), version > 0 else {
                throw PostgresStoreError.notAStore(connection.target)
            }
            guard version <= PostgresMigrations.latestVersion else {
                throw PostgresStoreError.newerSchema(version, PostgresMigrations.latestVersion)
            }
        } catch {
            connection.close()
            throw error
        }
    }

    /// Every field a person of either kind has (residents' fields include citizens').
    private static let personColumns: [Field] = RecordKind.resident.fields

    package func lookup(_ value: String) throws -> LookupResult {
        let key = LookupKey(parsing: value)
        var records: [FoundRecord] = []
        switch key {
        case .id(let id):
            records += try people(where: "p.id = $1", id)
            records += try sponsors(where: "s.id = $1", id)
        case .mobile(let mobile):
            records += try people(where: "p.mobile = $1", mobile)
            records += try sponsors(where: "s.mobile = $1", mobile)
        case .username(let usernameKey):
            records += try people(where: "p.username_key = $1", usernameKey)
        }
        for index in records.indices {
            records[index].history = try history(of: records[index].record)
        }
        return LookupResult(key: key, records: records)
    }

    private func people(where condition: String, _ value: String) throws -> [FoundRecord] {
        let columns = Self.personColumns.map { "p.\($0.rawValue)" }.joined(separator: ", ")
        let result = try connection.execute(
            """
            SELECT p.id, p.kind, p.active, first.run_key, last.run_key, \(columns)
            FROM people p
            LEFT JOIN runs first ON first.id = p.first_run_id
            LEFT JOIN runs last ON last.id = p.last_changed_run_id
            WHERE \(condition) ORDER BY p.id COLLATE "C"
            """, parameters: [value])
        return try result.rows.map { row in
            let kind: RecordKind = row.string(1) == RecordKind.resident.rawValue ? .resident : .citizen
            let values = kind.fields.map { field in row.string(5 + Self.personColumns.firstIndex(of: field)!) }
            return FoundRecord(
                record: CanonicalRecord(kind: kind, id: row.string(0) ?? "", values: values),
                active: try row.int(2) == 1, firstRunKey: row.string(3), lastChangedRunKey: row.string(4), history: [])
        }
    }

    private func sponsors(where condition: String, _ value: String) throws -> [FoundRecord] {
        let fields = RecordKind.sponsor.fields
        let columns = fields.map { "s.\($0.rawValue)" }.joined(separator: ", ")
        let result = try connection.execute(
            """
            SELECT s.id, s.active, first.run_key, last.run_key, \(columns)
            FROM sponsors s
            LEFT JOIN runs first ON first.id = s.first_run_id
            LEFT JOIN runs last ON last.id = s.last_changed_run_id
            WHERE \(condition) ORDER BY s.id COLLATE "C"
            """, parameters: [value])
        return try result.rows.map { row in
            let values = fields.indices.map { row.string(4 + $0) }
            return FoundRecord(
                record: CanonicalRecord(kind: .sponsor, id: row.string(0) ?? "", values: values),
                active: try row.int(1) == 1, firstRunKey: row.string(2), lastChangedRunKey: row.string(3), history: [])
        }
    }

    /// The record's `new` entry from `first_run_id`, then its `changes` rows, in run and change order.
    private func history(of record: CanonicalRecord) throws -> [RecordHistoryEntry] {
        let table = record.kind == .sponsor ? "sponsors" : "people"
        let result = try connection.execute(
            """
            SELECT r.run_key, r.started_at, 'new' AS change, NULL::text, NULL::text, NULL::text,
                r.id AS run_order, 0::bigint AS change_order
            FROM \(table) t JOIN runs r ON r.id = t.first_run_id
            WHERE t.id = $1 AND NOT EXISTS (
                SELECT 1 FROM changes WHERE record_id = $1 AND record_kind = $2 AND change = 'new')
            UNION ALL
            SELECT r.run_key, r.started_at, c.change, c.field, c.old_value, c.new_value, c.run_id, c.id
            FROM changes c JOIN runs r ON r.id = c.run_id
            WHERE c.record_id = $1 AND c.record_kind = $2
            ORDER BY 7, 8
            """, parameters: [record.id, record.kind.rawValue])
        return try result.rows.map { row in
            let text = row.string(2) ?? ""
            guard let change = ChangeKind(rawValue: text) else {
                throw PostgresError(kind: .other, message: "unknown change kind '\(text)' in changes")
            }
            return RecordHistoryEntry(
                runKey: row.string(0) ?? "", startedAt: row.string(1) ?? "", change: change, field: row.string(3),
                oldValue: row.string(4), newValue: row.string(5))
        }
    }

    package func runs() throws -> [RunSummary] {
        let result = try connection.execute(
            """
            SELECT id, run_key, started_at, ended_at, run_date, mode, status, exit_code,
                rows_read, rows_accepted, rows_rejected, warnings
            FROM runs ORDER BY id
            """)
        var rowIDs: [Int64: Int] = [:]
        var summaries: [RunSummary] = []
        for row in result.rows {
            rowIDs[try row.int(0) ?? 0] = summaries.count
            summaries.append(
                RunSummary(
                    runKey: row.string(1) ?? "", startedAt: row.string(2) ?? "", endedAt: row.string(3),
                    runDate: row.string(4) ?? "", mode: row.string(5) ?? "", status: row.string(6) ?? "",
                    exitCode: try row.int(7).map { Int($0) }, rowsRead: Int(try row.int(8) ?? 0),
                    rowsAccepted: Int(try row.int(9) ?? 0), rowsRejected: Int(try row.int(10) ?? 0),
                    warnings: Int(try row.int(11) ?? 0), changeCounts: [:]))
        }
        let counts = try connection.execute("SELECT run_id, name, count FROM run_counts WHERE category = 'change'")
        for row in counts.rows {
            guard let index = rowIDs[try row.int(0) ?? 0], let kind = ChangeKind(rawValue: row.string(1) ?? "")
            else { continue }
            summaries[index].changeCounts[kind] = Int(try row.int(2) ?? 0)
        }
        return summaries
    }

    /// One REPEATABLE READ READ ONLY transaction: the three files of an export come from one commit.
    package func inReadTransaction(_ body: () throws -> Void) throws {
        try connection.inTransaction(.repeatableRead, readOnly: true) {
            try body()
            return .commit
        }
    }

    /// One streamed `COPY … TO STDOUT`, in ID byte order.
    package func forEachActiveRecord(_ kind: RecordKind, _ body: (CanonicalRecord) throws -> Void) throws {
        let fields = kind.fields
        let columns = (["id"] + fields.map(\.rawValue)).joined(separator: ", ")
        let table = PostgresRecordStore.table(for: kind)
        let filter = PostgresRecordStore.kindFilter(kind, prefix: "AND")
        try connection.copyOutRows(
            "COPY (SELECT \(columns) FROM \(table) WHERE active = 1\(filter) ORDER BY id COLLATE \"C\") TO STDOUT"
        ) { row in
            try body(CanonicalRecord(kind: kind, id: row[0] ?? "", values: Array(row[1...])))
        }
    }

    package func close() { connection.close() }
}
