import AbsherRules
import AbsherSchema
import AbsherStore
import AbsherSupport
import PostgresClient

/// What a run has buffered for the staging tables and what `flushStaged` must still do.
struct PendingStaging {
    /// COPY text of rows not yet sent, per record kind (`citizen`, `resident`, `sponsor`) or `change`.
    var rows: [String: [UInt8]] = [:]
    /// Staged keys a first load took back (`unstage`), per staging table.
    var unstaged: [String: [Int64]] = [:]
    /// The key of the last record `insert` staged (first-load keys are `StagedBatch.key`, far above).
    var nextKey: Int64 = 0
    /// Whether the temp tables exist in this transaction.
    var tablesMade = false
    /// A first load's tables, filled and indexed by `flushStaged`, to swap in just before the commit.
    var swaps: [PostgresTableSwap] = []

    /// The buffered size at which a staging table's rows are sent.
    static let flushThresholdBytes = 1 << 20
}

extension PostgresRecordStore {
    /// The columns a record is staged with, after the staging key: ID, fields, active, hash, first and last
    /// run, and for people kind and username key.
    static func columns(_ kind: RecordKind) -> [String] {
        var columns = ["id"] + kind.fields.map(\.rawValue)
        columns += ["active", "record_hash", "first_run_id", "last_changed_run_id"]
        if kind.isPerson { columns += ["kind", "username_key"] }
        return columns
    }

    static let changeColumns = ["run_id", "record_id", "record_kind", "change", "field", "old_value", "new_value"]

    /// Temp tables for the run's new records and history rows, dropped at the end of the transaction (and
    /// undone with it on a rollback). Temp tables are not WAL-logged and no other session sees them.
    package func beginStaging() throws {
        guard !staging.tablesMade else { return }
        try connection.execute(
            """
            CREATE TEMP TABLE staged_people (key bigint NOT NULL, LIKE people) ON COMMIT DROP;
            CREATE TEMP TABLE staged_sponsors (key bigint NOT NULL, LIKE sponsors) ON COMMIT DROP;
            CREATE TEMP TABLE staged_changes (
                key bigint NOT NULL, run_id bigint, record_id text, record_kind text, change text, field text,
                old_value text, new_value text
            ) ON COMMIT DROP;
            """)
        staging.tablesMade = true
    }

    /// The store is empty: every row that passes the field rules is staged (`stage`) while the files are read.
    package func beginFirstLoad() throws {
        precondition(isEmpty, "a first load starts on an empty store")
        try beginStaging()
    }

    /// One `COPY … FROM STDIN` per batch into the kind's staging table, from the batch's packed bytes.
    package func stage(_ batch: StagedBatch, runRowID: Int64) throws {
        let kind = batch.kind
        let table = "staged_" + Self.table(for: kind)
        let texts = StagedBatch.textCount(kind)
        let fields = kind.fields.count
        let run = Array(String(runRowID).utf8)
        let sql = "COPY \(table) (key, \(Self.columns(kind).joined(separator: ", "))) FROM STDIN"
        try connection.copyIn(sql) { writer in
            try batch.bytes.withUnsafeBufferPointer { bytes in
                try batch.spans.withUnsafeBufferPointer { spans in
                    func text(_ span: (offset: Int32, length: Int32)) throws {
                        if span.length < 0 { return writer.appendNull() }
                        let start = Int(span.offset)
                        try writer.appendField(
                            utf8: UnsafeBufferPointer(rebasing: bytes[start..<start + Int(span.length)]))
                    }
                    for row in 0..<batch.count {
                        let first = row * texts
                        try writer.appendField(utf8: String(batch.keys[row]).utf8)
                        for index in 0...fields { try text(spans[first + index]) }
                        try writer.appendField(utf8: [UInt8(ascii: "1")])
                        try writer.appendField(utf8: String(Int64(bitPattern: batch.hashes[row])).utf8)
                        try writer.appendField(utf8: run)
                        try writer.appendField(utf8: run)
                        if kind.isPerson {
                            try writer.appendField(kind.rawValue)
                            try text(spans[first + texts - 1])
                        }
                        try writer.endRow()
                    }
                }
            }
        }
    }

    /// Remembered, and deleted from the staging table by `flushStaged` in one statement.
    package func unstage(_ kind: RecordKind, key: Int64) throws {
        staging.unstaged["staged_" + Self.table(for: kind), default: []].append(key)
    }

    /// A record for the staging table, buffered as COPY text.
    func stageRecord(_ record: CanonicalRecord, key: Int64, hash: UInt64, runRowID: Int64) throws {
        try beginStaging()
        let kind = record.kind
        var fields: [String?] = [String(key), record.id] + record.values
        fields += ["1", String(Int64(bitPattern: hash)), String(runRowID), String(runRowID)]
        if kind.isPerson { fields += [kind.rawValue, record[.username].map(Username.key)] }
        try buffer(fields, as: kind.rawValue)
    }

    /// A history row, buffered for `staged_changes`; empty texts are NULL, as in the SQLite store.
    package func recordChange(_ change: Change, runRowID: Int64) throws {
        try beginStaging()
        staging.nextKey += 1
        let fields: [String?] = [
            String(staging.nextKey), String(runRowID), change.recordID, change.kind.rawValue, change.change.rawValue,
            change.field.isEmpty ? nil : change.field, change.oldValue.isEmpty ? nil : change.oldValue,
            change.newValue.isEmpty ? nil : change.newValue,
        ]
        try buffer(fields, as: "change")
    }

    /// `buffer` is a record kind's raw value or `change`.
    private func buffer(_ fields: [String?], as buffer: String) throws {
        guard let line = PostgresCopyText.line(fields) else {
            throw PostgresError(kind: .misuse, message: "a value for the store holds a NUL byte")
        }
        staging.rows[buffer, default: []] += line
        if staging.rows[buffer]!.count >= PendingStaging.flushThresholdBytes { try send(buffer) }
    }

    /// Sends the buffered rows of a kind (or `change`) to its staging table.
    private func send(_ buffer: String) throws {
        guard let bytes = staging.rows[buffer], !bytes.isEmpty else { return }
        staging.rows[buffer] = []
        let kind = RecordKind(rawValue: buffer)
        let table = kind.map { "staged_" + Self.table(for: $0) } ?? "staged_changes"
        let columns = kind.map(Self.columns) ?? Self.changeColumns
        try connection.copyIn("COPY \(table) (key, \(columns.joined(separator: ", "))) FROM STDIN") { writer in
            try writer.appendEscapedLines(bytes)
        }
    }

    /// Moves the staged rows into `people`, `sponsors` and `changes`, one `INSERT … SELECT` each, after
    /// deleting the rows a first load took back. Records go in ID order, so that `people_id` and `sponsors_id`
    /// grow at their right edge instead of at random pages (a first night of 100k people: 2.2 s instead of
    /// 3.3 s on the server; the heap's order is no interface, readers say `ORDER BY`); history rows in
    /// staging order, which is their order in `changes.id`. An ID already stored, or staged twice, fails on
    /// `people_id` or `sponsors_id` (SQLSTATE 23505) and the run rolls back.
    ///
    /// On a first load (the store was empty), `people` and `sponsors` are not filled in place: each gets a
    /// `PostgresTableSwap`, a fresh table without indexes that takes the rows, then builds the indexes by
    /// sorting; `swapFirstLoadTables` puts it in place of the empty table just before the commit (readers wait
    /// from that swap to the commit only). Until then the run reads the empty tables, as the store was.
    package func flushStaged() throws {
        guard staging.tablesMade else { return }
        for buffer in RecordKind.allCases.map(\.rawValue) + ["change"] { try send(buffer) }
        for (table, keys) in staging.unstaged where !keys.isEmpty {
            let list = "{" + keys.map(String.init).joined(separator: ",") + "}"
            try connection.execute("DELETE FROM \(table) WHERE key = ANY($1::bigint[])", parameters: [list])
        }
        staging.unstaged = [:]
        let targets: [(table: String, columns: [String], order: String)] = [
            ("people", Self.columns(.resident), "id"), ("sponsors", Self.columns(.sponsor), "id"),
            ("changes", Self.changeColumns, "key"),
        ]
        for (table, columns, order) in targets {
            let list = columns.joined(separator: ", ")
            var into = table
            var ordering = " ORDER BY \(order)"
            if table != "changes", let swap = try firstLoadSwap(table) {
                staging.swaps.append(swap)
                into = swap.loadTable
                ordering = ""  // the indexes are built by sorting: the heap's order would only cost a sort
            }
            let moved = try connection.execute(
                "INSERT INTO \(into) (\(list)) SELECT \(list) FROM staged_\(table)\(ordering)")
            if let count = moved.affectedRowCount, count > 0 { PhaseClock.mark("flush: \(count) rows into \(into)") }
            try connection.execute("TRUNCATE staged_\(table)")
        }
        for index in staging.swaps.indices where !staging.swaps[index].indexesBuilt {
            try staging.swaps[index].buildIndexes(on: connection)
            PhaseClock.mark("flush: indexes of \(staging.swaps[index].loadTable) built")
        }
    }

    /// Puts a first load's tables in place of the empty ones (`PostgresTableSwap.swap`): the last statements
    /// of the run's transaction before its commit. When transactions that read the live tables keep them
    /// past `PostgresTableSwap.lockPatienceSeconds`, the rows go into them in place instead (slowly, but
    /// without making any reader wait).
    package func swapFirstLoadTables() throws {
        guard !staging.swaps.isEmpty else { return }
        let locked = try PostgresTableSwap.lockLiveTables(of: staging.swaps, on: connection)
        if !locked { PhaseClock.mark("first load: the tables stayed in use, rows inserted in place") }
        for swap in staging.swaps { _ = try swap.swap(on: connection, inPlace: !locked) }
        staging.swaps = []
    }

    /// A first load's swap for `table`, when the store was empty, rows are staged for it and it can be swapped.
    private func firstLoadSwap(_ table: String) throws -> PostgresTableSwap? {
        guard isEmpty, !staging.swaps.contains(where: { $0.table == table }),
            try connection.execute("SELECT EXISTS (SELECT 1 FROM staged_\(table))").bool(row: 0, column: 0)
                == true
        else { return nil }
        return try PostgresTableSwap.make(for: table, on: connection)
    }
}
