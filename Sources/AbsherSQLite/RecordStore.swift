import AbsherRules
import AbsherSchema
import AbsherStore
import AbsherSupport
import CSQLite
import Foundation

/// The canonical records in the store, read and written through statements prepared once.
///
/// It answers the reconciler's questions (`StoreKnowledge`) and applies the merge of one run.
package final class RecordStore: RunStore {
    package let database: Database

    /// The statements of one kind's table, prepared once per run.
    private final class KindStatements {
        let find: Statement
        let insert: Statement
        /// The same insert with the staging row's rowid first (a first load, `stage`).
        let stage: Statement
        let unstage: Statement
        let update: Statement
        let setActive: Statement

        /// `stagingTable`: where `stage` and `unstage` write (`RecordStore.beginFirstLoad`).
        init(_ kind: RecordKind, database: Database, stagingTable: String) throws {
            let table = RecordStore.table(for: kind)
            let fields = kind.fields.map(\.rawValue)
            let kindFilter = kind == .sponsor ? "" : " AND kind = '\(kind.rawValue)'"
            find = try database.prepare(
                "SELECT active, record_hash, \(fields.joined(separator: ", ")) FROM \(table) WHERE id = ?\(kindFilter)")
            var columns = ["id"] + fields + ["active", "record_hash", "first_run_id", "last_changed_run_id"]
            if kind.isPerson { columns += ["kind", "username_key"] }
            let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
            insert = try database.prepare(
                "INSERT INTO temp.staged_\(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
            stage = try database.prepare(
                "INSERT INTO \(stagingTable) (rowid, \(columns.joined(separator: ", "))) VALUES (?, \(placeholders))")
            unstage = try database.prepare("DELETE FROM \(stagingTable) WHERE rowid = ?")
            var assignments = fields.map { "\($0) = ?" } + ["active = 1", "record_hash = ?", "last_changed_run_id = ?"]
            if kind.isPerson { assignments.append("username_key = ?") }
            update = try database.prepare("UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE id = ?")
            setActive = try database.prepare("UPDATE \(table) SET active = ?, last_changed_run_id = ? WHERE id = ?")
        }
    }

    private var statements: [RecordKind: KindStatements] = [:]

    private func statements(_ kind: RecordKind) throws -> KindStatements {
        if let prepared = statements[kind] { return prepared }
        let table = Self.table(for: kind)
        let stagingTable = kind.isPerson && isFirstLoad ? "main.\(table)" : "temp.staged_\(table)"
        let prepared = try KindStatements(kind, database: database, stagingTable: stagingTable)
        statements[kind] = prepared
        return prepared
    }

    /// What the passes of `forEachStored` skipped, shared with `snapshots`.
    private let invalidIDs: InvalidIDLog

    package init(database: Database, invalidIDs: InvalidIDLog = InvalidIDLog()) {
        self.database = database
        self.invalidIDs = invalidIDs
    }

    package static func table(for kind: RecordKind) -> String { kind == .sponsor ? "sponsors" : "people" }

    // MARK: - What the reconciler asks

    /// Whether the store holds any person or sponsor at all (a first load asks it nothing else), as it
    /// was when first asked in this run.
    package private(set) lazy var isEmpty: Bool = {
        (try? database.scalarInt(
            "SELECT NOT EXISTS (SELECT 1 FROM people) AND NOT EXISTS (SELECT 1 FROM sponsors)")) == 1
    }()

    package func usernameOwner(key: String) throws -> String? {
        if isEmpty { return nil }
        let statement = try database.cachedStatement("SELECT id FROM people WHERE username_key = ?")
        statement.bind(key, at: 1)
        defer { statement.reset() }
        return try statement.step() ? statement.columnString(0) : nil
    }

    /// One lookup in `people_username_key` a key, through one prepared statement.
    package func usernameOwners(among keys: [String]) throws -> [String: String] {
        var owners: [String: String] = [:]
        if isEmpty { return owners }
        for key in keys {
            if let owner = try usernameOwner(key: key) { owners[key] = owner }
        }
        return owners
    }

    /// Read in one sequential scan of `people` (`NOT INDEXED`), then sorted: through `people_username_key`
    /// each username would cost a fetch of its row at random for the ID (the index holds the rowid, not the
    /// ID), 1 s instead of 0.1 s for 670k usernames.
    package func forEachUsername(
        _ body: (_ key: UnsafeBufferPointer<UInt8>, _ ownerID: UnsafeBufferPointer<UInt8>) -> Void
    ) throws {
        if isEmpty { return }
        let statement = try database.prepare(
            "SELECT username_key, id FROM people NOT INDEXED WHERE username_key IS NOT NULL")
        while try statement.step() {
            statement.withColumnBytes(0) { key in statement.withColumnBytes(1) { id in body(key, id) } }
        }
    }

    /// One sequential scan of `people` (contract §4b).
    package func forEachActivePerson(
        skipping skips: (_ id: UnsafeBufferPointer<UInt8>) -> Bool,
        _ body: (_ fields: StoredPersonFields) throws -> Void
    ) throws {
        if isEmpty { return }
        let statement = try database.prepare(
            """
            SELECT id, kind, name_ar, name_en, birth_date, gender, mobile, email FROM people NOT INDEXED
            WHERE active = 1
            """)
        while try statement.step() {
            // Each column read once, as text, so every pointer stays valid until the next step; the others only
            // for a person tonight's rows do not claim.
            if skips(statement.columnBytes(0)) { continue }
            let columns = (0..<8).map { statement.columnBytes(Int32($0)) }
            try body(
                StoredPersonFields(
                    id: columns[0], kind: columns[1], nameAr: columns[2], nameEn: columns[3], birthDate: columns[4],
                    gender: columns[5], mobile: columns[6], email: columns[7]))
        }
    }

    package func forEachActivePerson(among ids: [String], _ body: (_ fields: StoredPersonFields) throws -> Void)
        throws
    {
        if isEmpty { return }
        let statement = try database.cachedStatement(
            """
            SELECT id, kind, name_ar, name_en, birth_date, gender, mobile, email FROM people
            WHERE id = ? AND active = 1
            """)
        for id in ids {
            statement.bind(id, at: 1)
            defer { statement.reset() }
            guard try statement.step() else { continue }
            let columns = (0..<8).map { statement.columnBytes(Int32($0)) }
            try body(
                StoredPersonFields(
                    id: columns[0], kind: columns[1], nameAr: columns[2], nameEn: columns[3], birthDate: columns[4],
                    gender: columns[5], mobile: columns[6], email: columns[7]))
        }
    }

    package func recordMatches(_ pairs: [StoredMatchPair], runRowID: Int64) throws {
        let reverse = try database.cachedStatement("DELETE FROM match_pairs WHERE first_id = ? AND second_id = ?")
        let insert = try database.cachedStatement(
            """
            INSERT OR REPLACE INTO match_pairs (first_id, first_kind, second_id, second_kind, score, reasons, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for pair in pairs {
            reverse.bind(pair.secondID, at: 1)
            reverse.bind(pair.firstID, at: 2)
            _ = try reverse.step()
            reverse.reset()
            insert.bind([
                pair.firstID, pair.firstKind, pair.secondID, pair.secondKind, pair.score, pair.reasons, runRowID,
            ])
            _ = try insert.step()
            insert.reset()
        }
    }

    package func dismiss(_ pair: DismissedPair) throws {
        let statement = try database.cachedStatement(
            """
            INSERT INTO match_dismissals (first_id, second_id, dismissed_by, dismissed_at) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """)
        statement.bind([pair.first, pair.second, pair.dismissedBy, pair.dismissedAt])
        _ = try statement.step()
        statement.reset()
    }

    package func dismissedPairs() throws -> [DismissedPair] {
        try StoreQueries.dismissedPairs(database)
    }

    package func sponsorExists(_ id: String) throws -> Bool {
        try exists("SELECT 1 FROM sponsors WHERE id = ?", id)
    }

    package func personExists(_ id: String) throws -> Bool {
        try exists("SELECT 1 FROM people WHERE id = ?", id)
    }

    private func exists(_ sql: String, _ id: String) throws -> Bool {
        if isEmpty { return false }
        let statement = try database.cachedStatement(sql)
        statement.bind(id, at: 1)
        defer { statement.reset() }
        return try statement.step()
    }

    // MARK: - Reading records

    /// The record with this ID, reading its fields only when `unlessHash` differs from the stored hash.
    package func find(_ kind: RecordKind, id: String, unlessHash: UInt64? = nil) throws -> StoredRecord? {
        let statement = try statements(kind).find
        statement.bind(id, at: 1)
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        let active = statement.columnInt(0) == 1
        let hash = UInt64(bitPattern: statement.columnInt(1) ?? 0)
        if let unlessHash, unlessHash == hash { return StoredRecord(active: active, hash: hash, record: nil) }
        let values = (0..<kind.fields.count).map { statement.columnString(Int32($0 + 2)) }
        return StoredRecord(active: active, hash: hash, record: CanonicalRecord(kind: kind, id: id, values: values))
    }

    // MARK: - Writing records

    package func insert(_ record: CanonicalRecord, runRowID: Int64) throws {
        try bindInsert(record, runRowID: runRowID, into: try statements(record.kind).insert, from: 1)
    }

    /// A first load's inserts, staged under their keys (`StagedBatch.key`) while the files are still being
    /// read; `unstage` takes back the rows the reconciler then rejects. The columns are the insert's:
    /// rowid, ID, the fields, active, hash, first and last run, and for people kind and username key.
    package func stage(_ batch: StagedBatch, runRowID: Int64) throws {
        let kind = batch.kind
        let statement = try statements(kind).stage
        let texts = StagedBatch.textCount(kind)
        let fields = Int32(kind.fields.count)
        try batch.bytes.withUnsafeBufferPointer { bytes in
            // A NULL-free base address even for an empty buffer, and for empty strings.
            let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
            func bindText(_ span: (offset: Int32, length: Int32), at index: Int32) {
                if span.length < 0 {
                    statement.bindNull(at: index)
                } else {
                    statement.bindText(borrowing: base + Int(span.offset), count: Int(span.length), at: index)
                }
            }
            try batch.spans.withUnsafeBufferPointer { spans in
                for row in 0..<batch.count {
                    let first = row * texts
                    statement.bind(batch.keys[row], at: 1)
                    for text in 0...Int(fields) { bindText(spans[first + text], at: Int32(text) + 2) }
                    let next = fields + 3
                    statement.bind(Int64(1), at: next)
                    statement.bind(Int64(bitPattern: batch.hashes[row]), at: next + 1)
                    statement.bind(runRowID, at: next + 2)
                    statement.bind(runRowID, at: next + 3)
                    if kind.isPerson {
                        statement.bind(kind.rawValue, at: next + 4)
                        bindText(spans[first + texts - 1], at: next + 5)
                    }
                    try statement.run()
                }
            }
        }
    }

    package func unstage(_ kind: RecordKind, key: Int64) throws {
        let statement = try statements(kind).unstage
        statement.bind(key, at: 1)
        try statement.run()
    }

    private func bindInsert(_ record: CanonicalRecord, runRowID: Int64, into statement: Statement, from first: Int32)
        throws
    {
        let kind = record.kind
        var index = first
        statement.bind(record.id, at: index)
        for value in record.values {
            index += 1
            statement.bind(value, at: index)
        }
        statement.bind(Int64(1), at: index + 1)
        statement.bind(Int64(bitPattern: record.contentHash), at: index + 2)
        statement.bind(runRowID, at: index + 3)
        statement.bind(runRowID, at: index + 4)
        if kind.isPerson {
            statement.bind(kind.rawValue, at: index + 5)
            statement.bind(record[.username].map(Username.key), at: index + 6)
        }
        try statement.run()
    }

    /// Writes every field of `record` and makes it active.
    package func update(_ record: CanonicalRecord, runRowID: Int64) throws {
        let kind = record.kind
        let statement = try statements(kind).update
        var index: Int32 = 0
        for value in record.values {
            index += 1
            statement.bind(value, at: index)
        }
        statement.bind(Int64(bitPattern: record.contentHash), at: index + 1)
        statement.bind(runRowID, at: index + 2)
        index += 3
        if kind.isPerson {
            statement.bind(record[.username].map(Username.key), at: index)
            index += 1
        }
        statement.bind(record.id, at: index)
        try statement.run()
    }

    package func setActive(_ active: Bool, kind: RecordKind, id: String, runRowID: Int64) throws {
        let statement = try statements(kind).setActive
        statement.bind(Int64(active ? 1 : 0), at: 1)
        statement.bind(runRowID, at: 2)
        statement.bind(id, at: 3)
        try statement.run()
    }

    /// Every record of a kind: its ID as a number, whether it is active, and its content hash, in no
    /// specified order (the table's storage order: for `people`, the order the rows were inserted in).
    ///
    /// One sequential scan of the table: `people` is a rowid table, and reading it in ID order would go
    /// through `people_id` and fetch each row at random, far slower for millions of rows.
    package func forEachStored(_ kind: RecordKind, _ body: (UInt64, Bool, UInt64) throws -> Void) throws {
        let kindFilter = kind == .sponsor ? "" : " WHERE kind = ?"
        let statement = try database.prepare(
            "SELECT id, active, record_hash FROM \(Self.table(for: kind))\(kindFilter)")
        if kind.isPerson { statement.bind(kind.rawValue, at: 1) }
        var invalid: [String] = []
        while try statement.step() {
            // An ID of another shape (edited by hand) would read as some other ID: it is left out, and reported
            // by `invalidStoredIDs`.
            let id = statement.withColumnBytes(0) { bytes in
                NationalID.hasStoredShape(bytes, kind: kind) ? Digits.number(bytes) : nil
            }
            guard let id else {
                invalid.append(statement.columnString(0) ?? "")
                continue
            }
            try body(id, statement.columnInt(1) == 1, UInt64(bitPattern: statement.columnInt(2) ?? 0))
        }
        invalidIDs.record(invalid, for: kind)
    }

    /// One scan of `people` for both kinds, where `forEachStored` of each would scan it twice.
    package func forEachStoredPerson(
        _ body: (_ kind: RecordKind, _ id: UInt64, _ active: Bool, _ hash: UInt64) throws -> Void
    ) throws {
        let statement = try database.prepare("SELECT kind, id, active, record_hash FROM people")
        var invalid: [RecordKind: [String]] = [.citizen: [], .resident: []]
        while try statement.step() {
            // The kind's first byte: `c`itizen or `r`esident (the table's CHECK allows no other).
            let kind: RecordKind =
                statement.withColumnBytes(0) { $0.first == UInt8(ascii: "c") } ? .citizen : .resident
            let id = statement.withColumnBytes(1) { bytes in
                NationalID.hasStoredShape(bytes, kind: kind) ? Digits.number(bytes) : nil
            }
            guard let id else {
                invalid[kind, default: []].append(statement.columnString(1) ?? "")
                continue
            }
            try body(kind, id, statement.columnInt(2) == 1, UInt64(bitPattern: statement.columnInt(3) ?? 0))
        }
        for (kind, ids) in invalid { invalidIDs.record(ids, for: kind) }
    }

    /// One scan of `people` for citizens and residents together, one of `sponsors`: the hash column only.
    package func forEachActiveHash(of kinds: Set<RecordKind>, _ body: (UInt64) throws -> Void) throws {
        var tables: [String] = []
        if kinds.contains(.citizen) || kinds.contains(.resident) { tables.append("people") }
        if kinds.contains(.sponsor) { tables.append("sponsors") }
        for table in tables {
            let statement = try database.prepare("SELECT record_hash FROM \(table) WHERE active = 1")
            while try statement.step() { try body(UInt64(bitPattern: statement.columnInt(0) ?? 0)) }
        }
    }

    /// Stored IDs of `kind` that are not 10 ASCII digits with a leading digit of the kind, in ID order: those a
    /// pass of `forEachStored` skipped, or else SQLite's own scan of the table (`GLOB`).
    package func invalidStoredIDs(_ kind: RecordKind, limit: Int) throws -> InvalidStoredIDs {
        // A pass of `forEachStored` over the kind (the comparison's) has found them already.
        if let found = invalidIDs.found(kind, limit: limit) { return found }
        let kindFilter = kind == .sponsor ? "" : "kind = ? AND "
        let leading = NationalID.storedLeadingDigits(of: kind)
        let statement = try database.prepare(
            """
            SELECT id FROM \(Self.table(for: kind)) WHERE \(kindFilter)NOT (length(CAST(id AS BLOB)) = 10
            AND id GLOB '[\(leading)][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]') ORDER BY id
            """)
        if kind.isPerson { statement.bind(kind.rawValue, at: 1) }
        var found = InvalidStoredIDs()
        while try statement.step() {
            if found.ids.count < limit { found.ids.append(statement.columnString(0) ?? "") }
            found.total += 1
        }
        return found
    }

    /// Sponsors named by an active resident.
    package func sponsorsOfActiveResidents() throws -> Set<String> {
        let statement = try database.prepare(
            "SELECT DISTINCT sponsor_id FROM people WHERE kind = 'resident' AND active = 1 AND sponsor_id IS NOT NULL")
        var ids: Set<String> = []
        while try statement.step() { ids.insert(statement.columnString(0) ?? "") }
        return ids
    }

    // MARK: - Staging

    /// New records and change rows of a run go to temp tables first, and reach the real tables in one
    /// `INSERT … SELECT … ORDER BY` at the end of the merge (`flushStaged`): `people` and `changes` (rowid
    /// tables) get their rows appended in staging order, `sponsors` (`WITHOUT ROWID`) in key order, so a
    /// first load of millions of rows fills each B-tree at its end instead of at random; and, when the new
    /// rows outnumber the old, the table's indexes (`people_id` among them) are dropped and built again by
    /// sorting. The temp tables take part in the run's transaction, so a rollback undoes them too.
    package func beginStaging() throws {
        try database.execute(
            """
            CREATE TEMP TABLE IF NOT EXISTS staged_people AS SELECT * FROM main.people WHERE 0;
            CREATE TEMP TABLE IF NOT EXISTS staged_sponsors AS SELECT * FROM main.sponsors WHERE 0;
            CREATE TEMP TABLE IF NOT EXISTS staged_changes AS SELECT * FROM main.changes WHERE 0;
            """)
    }

    /// Set by `beginFirstLoad`: people are staged straight into `people`.
    package private(set) var isFirstLoad = false
    /// The indexes of `people` that `beginFirstLoad` dropped, to build again in `flushStaged`.
    private var indexesDroppedForFirstLoad: [(name: String, sql: String)] = []

    /// A first load (an empty store, `isEmpty`): `stage` then writes people straight into `people`, a rowid
    /// table, appending, with its indexes dropped until `flushStaged` builds them again by sorting, and
    /// `unstage` deletes from it. Sponsors still go through their staging table (`sponsors` is keyed by ID).
    /// Call before anything is staged; all of it is inside the run's transaction.
    package func beginFirstLoad() throws {
        precondition(isEmpty && statements.isEmpty, "a first load starts on an empty store, before any statement")
        try beginStaging()
        let indexes = try self.indexes(of: "people")
        for index in indexes { try database.execute("DROP INDEX main.\"\(index.name)\"") }
        indexesDroppedForFirstLoad = indexes
        isFirstLoad = true
    }

    /// The indexes of a table of the store, with the SQL that creates them.
    private func indexes(of table: String) throws -> [(name: String, sql: String)] {
        let list = try database.prepare(
            "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
        list.bind(table, at: 1)
        var indexes: [(name: String, sql: String)] = []
        while try list.step() { indexes.append((list.columnString(0) ?? "", list.columnString(1) ?? "")) }
        return indexes
    }

    /// Moves the staged rows into the real tables (see `beginStaging`), and builds again the indexes a first
    /// load dropped (see `beginFirstLoad`).
    ///
    /// An ID already in `people` is not inserted again: with the indexes kept, `people_id` refuses it at the
    /// insert; with them dropped, the rebuild of `people_id` fails. Either throws (`SQLITE_CONSTRAINT`), and
    /// the run rolls back.
    package func flushStaged() throws {
        let changeColumns = "run_id, record_id, record_kind, change, field, old_value, new_value"
        let tables: [(table: String, columns: String, order: String)] = [
            ("people", "*", "rowid"), ("sponsors", "*", "id"), ("changes", changeColumns, "rowid"),
        ]
        for (table, columns, order) in tables {
            let staged = try database.scalarInt("SELECT count(*) FROM temp.staged_\(table)") ?? 0
            guard staged > 0 else { continue }
            let existing = try database.scalarInt("SELECT count(*) FROM main.\(table)") ?? 0
            var indexes: [(name: String, sql: String)] = []
            if staged > existing / 2 {
                indexes = try self.indexes(of: table)
                for index in indexes { try database.execute("DROP INDEX main.\"\(index.name)\"") }
            }
            let target = columns == "*" ? "" : " (\(columns))"
            try database.execute(
                "INSERT INTO main.\(table)\(target) SELECT \(columns) FROM temp.staged_\(table) ORDER BY \(order)")
            PhaseClock.mark("flush: \(staged) rows into \(table)")
            try database.execute("DELETE FROM temp.staged_\(table)")
            for index in indexes {
                try database.execute(index.sql)
                PhaseClock.mark("flush: index \(index.name)")
            }
        }
        for index in indexesDroppedForFirstLoad {
            try database.execute(index.sql)
            PhaseClock.mark("first load: index \(index.name)")
        }
        indexesDroppedForFirstLoad = []
    }

    package func recordChange(_ change: Change, runRowID: Int64) throws {
        let statement = try database.cachedStatement(
            "INSERT INTO temp.staged_changes (run_id, record_id, record_kind, change, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        statement.bind(runRowID, at: 1)
        statement.bind(change.recordID, at: 2)
        statement.bind(change.kind.rawValue, at: 3)
        statement.bind(change.change.rawValue, at: 4)
        statement.bind(change.field.isEmpty ? nil : change.field, at: 5)
        statement.bind(change.oldValue.isEmpty ? nil : change.oldValue, at: 6)
        statement.bind(change.newValue.isEmpty ? nil : change.newValue, at: 7)
        try statement.run()
    }

    package var snapshots: any StoreSnapshotSource {
        SQLiteSnapshotSource(path: database.path, invalidIDs: invalidIDs)
    }

    // MARK: - The run's own record

    package func runExists(_ runID: String) throws -> Bool {
        let statement = try database.cachedStatement("SELECT 1 FROM runs WHERE run_key = ?")
        statement.bind(runID, at: 1)
        defer { statement.reset() }
        return try statement.step()
    }

    package func beginRun(runID: String, startedAt: Date, runDate: String, mode: RunMode) throws -> Int64 {
        let insert = try database.prepare(
            "INSERT INTO runs (run_key, started_at, run_date, mode, status) VALUES (?, ?, ?, ?, 'failed')")
        insert.bind(runID, at: 1)
        insert.bind(RunLog.timestamp(startedAt), at: 2)
        insert.bind(runDate, at: 3)
        insert.bind(mode.rawValue, at: 4)
        try insert.run()
        return database.lastInsertedRowID
    }

    package func finishRun(_ record: RunRecord, runRowID: Int64) throws {
        try RunLog(database: database, runRowID: runRowID).record(record)
    }

    package func lastCommittedSHA256() throws -> [RecordKind: String] {
        let statement = try database.prepare(
            """
            SELECT f.sha256 FROM run_files f JOIN runs r ON r.id = f.run_id
            WHERE r.status = 'committed' AND f.kind = ? AND f.sha256 IS NOT NULL AND f.sha256 != ''
            ORDER BY r.id DESC LIMIT 1
            """)
        var found: [RecordKind: String] = [:]
        for kind in RecordKind.allCases {
            statement.bind(kind.rawValue, at: 1)
            if try statement.step(), let sha256 = statement.columnString(0) { found[kind] = sha256 }
            statement.reset()
        }
        return found
    }

    package func history(limit: Int, excluding runRowID: Int64) throws -> [RunHistoryEntry] {
        try RunLog.history(database, limit: limit, excluding: runRowID)
    }
}
