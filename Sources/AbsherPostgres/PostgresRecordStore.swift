import AbsherRules
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation
import PostgresClient

/// The canonical records in a PostgreSQL store as one run reads and writes them, inside the run's
/// transaction (`PostgresStoreEngine.inRunTransaction`).
///
/// Bulk paths: what the comparison reads of the store (`forEachStored`) and the usernames (`forEachUsername`)
/// are one `COPY … TO STDOUT` each, streamed; new records and history rows are buffered and sent by
/// `COPY … FROM STDIN` into temp tables, then moved into the real tables by one `INSERT … SELECT` each
/// (`flushStaged`). Only the records a later night changes (about 1% of a night) cost a statement each: the
/// `find` of their stored values and their `UPDATE`.
package final class PostgresRecordStore: RunStore {
    let connection: PostgresConnection
    let connectionString: PostgresConnectionString
    /// Rows not yet sent to the temp tables, and what `flushStaged` must still do (`+Staging`).
    var staging = PendingStaging()

    package init(connection: PostgresConnection, connectionString: PostgresConnectionString) {
        self.connection = connection
        self.connectionString = connectionString
    }

    package static func table(for kind: RecordKind) -> String { kind == .sponsor ? "sponsors" : "people" }

    /// `AND kind = 'citizen'` for a person kind, nothing for sponsors.
    static func kindFilter(_ kind: RecordKind, prefix: String) -> String {
        kind == .sponsor ? "" : " \(prefix) kind = '\(kind.rawValue)'"
    }

    // MARK: - What the reconciler asks

    /// Whether the store holds no person and no sponsor, as it was when first asked in this run.
    package private(set) lazy var isEmpty: Bool = {
        let sql = "SELECT NOT EXISTS (SELECT 1 FROM people) AND NOT EXISTS (SELECT 1 FROM sponsors)"
        return (try? connection.execute(sql).bool(row: 0, column: 0)) == true
    }()

    package func usernameOwner(key: String) throws -> String? {
        if isEmpty { return nil }
        let result = try connection.cachedStatement("SELECT id FROM people WHERE username_key = $1").execute([key])
        return result.rowCount > 0 ? result.string(row: 0, column: 0) : nil
    }

    /// One query a few thousand keys, the keys an array parameter (`= ANY ($1::text[])`, through
    /// `people_username_key`): a round trip for them all instead of one each.
    package func usernameOwners(among keys: [String]) throws -> [String: String] {
        var owners: [String: String] = [:]
        if isEmpty || keys.isEmpty { return owners }
        let statement = try connection.cachedStatement(
            "SELECT username_key, id FROM people WHERE username_key = ANY ($1::text[])")
        var start = 0
        while start < keys.count {
            let end = min(start + Self.keysPerQuery, keys.count)
            try statement.forEachRow([Self.arrayLiteral(keys[start..<end])]) { row in
                if let key = row.string(0), let id = row.string(1) { owners[key] = id }
            }
            start = end
        }
        return owners
    }

    private static let keysPerQuery = 10_000

    /// A PostgreSQL array literal of `values`, each quoted (`"` and `\` escaped).
    static func arrayLiteral(_ values: some Sequence<String>) -> String {
        var literal = "{"
        for (index, value) in values.enumerated() {
            if index > 0 { literal += "," }
            literal += "\""
            for character in value {
                if character == "\"" || character == "\\" { literal += "\\" }
                literal.append(character)
            }
            literal += "\""
        }
        return literal + "}"
    }

    /// One `COPY … TO STDOUT` of every username key with its owner.
    package func forEachUsername(
        _ body: (_ key: UnsafeBufferPointer<UInt8>, _ ownerID: UnsafeBufferPointer<UInt8>) -> Void
    ) throws {
        if isEmpty { return }
        try CopyLines.forEach(
            connection, "COPY (SELECT username_key, id FROM people WHERE username_key IS NOT NULL) TO STDOUT"
        ) { fields in body(fields[0], fields[1]) }
    }

    package func forEachActivePerson(
        skipping skips: (_ id: UnsafeBufferPointer<UInt8>) -> Bool,
        _ body: (_ fields: StoredPersonFields) throws -> Void
    ) throws {
        if isEmpty { return }
        try CopyLines.forEach(
            connection,
            """
            COPY (SELECT id, kind, coalesce(name_ar, ''), coalesce(name_en, ''), coalesce(birth_date, ''),
            coalesce(gender, ''), coalesce(mobile, ''), coalesce(email, '') FROM people WHERE active = 1) TO STDOUT
            """
        ) { fields in
            if skips(fields[0]) { return }
            try body(
                StoredPersonFields(
                    id: fields[0], kind: fields[1], nameAr: fields[2], nameEn: fields[3], birthDate: fields[4],
                    gender: fields[5], mobile: fields[6], email: fields[7]))
        }
    }

    package func forEachActivePerson(among ids: [String], _ body: (_ fields: StoredPersonFields) throws -> Void)
        throws
    {
        // COPY takes no parameters: the IDs go into the statement as an array literal. They are IDs as the
        // store writes them, digits only; anything else could not be an active person's and is left out.
        let ids = ids.filter { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        if isEmpty || ids.isEmpty { return }
        try CopyLines.forEach(
            connection,
            """
            COPY (SELECT id, kind, coalesce(name_ar, ''), coalesce(name_en, ''), coalesce(birth_date, ''),
            coalesce(gender, ''), coalesce(mobile, ''), coalesce(email, '') FROM people
            WHERE active = 1 AND id = ANY ('{\(ids.joined(separator: ","))}'::text[])) TO STDOUT
            """
        ) { fields in
            try body(
                StoredPersonFields(
                    id: fields[0], kind: fields[1], nameAr: fields[2], nameEn: fields[3], birthDate: fields[4],
                    gender: fields[5], mobile: fields[6], email: fields[7]))
        }
    }

    package func recordMatches(_ pairs: [StoredMatchPair], runRowID: Int64) throws {
        for pair in pairs {
            try connection.cachedStatement("DELETE FROM match_pairs WHERE first_id = $1 AND second_id = $2")
                .execute([pair.secondID, pair.firstID])
            try connection.cachedStatement(
                """
                INSERT INTO match_pairs (first_id, first_kind, second_id, second_kind, score, reasons, run_id)
                VALUES ($1, $2, $3, $4, $5::double precision, $6, $7::bigint)
                ON CONFLICT (first_id, second_id) DO UPDATE SET score = excluded.score, reasons = excluded.reasons,
                    run_id = excluded.run_id
                """
            ).execute([
                pair.firstID, pair.firstKind, pair.secondID, pair.secondKind, pair.score, pair.reasons, runRowID,
            ])
        }
    }

    package func dismiss(_ pair: DismissedPair) throws {
        try connection.cachedStatement(
            """
            INSERT INTO match_dismissals (first_id, second_id, dismissed_by, dismissed_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT DO NOTHING
            """
        ).execute([pair.first, pair.second, pair.dismissedBy, pair.dismissedAt])
    }

    package func dismissedPairs() throws -> [DismissedPair] {
        try PostgresStoreReader.dismissedPairs(connection)
    }

    package func sponsorExists(_ id: String) throws -> Bool {
        try exists("SELECT 1 FROM sponsors WHERE id = $1", id)
    }

    package func personExists(_ id: String) throws -> Bool {
        try exists("SELECT 1 FROM people WHERE id = $1", id)
    }

    private func exists(_ sql: String, _ id: String) throws -> Bool {
        if isEmpty { return false }
        return try connection.cachedStatement(sql).execute([id]).rowCount > 0
    }

    // MARK: - Reading records

    /// The record with this ID, reading its fields only when `unlessHash` differs from the stored hash.
    package func find(_ kind: RecordKind, id: String, unlessHash: UInt64?) throws -> StoredRecord? {
        let fields = kind.fields.map(\.rawValue).joined(separator: ", ")
        let statement = try connection.cachedStatement(
            "SELECT active, record_hash, \(fields) FROM \(Self.table(for: kind)) WHERE id = $1"
                + Self.kindFilter(kind, prefix: "AND"))
        let result = try statement.execute([id])
        guard result.rowCount > 0 else { return nil }
        let active = try result.int(row: 0, column: 0) == 1
        let hash = UInt64(bitPattern: try result.int(row: 0, column: 1) ?? 0)
        if let unlessHash, unlessHash == hash { return StoredRecord(active: active, hash: hash, record: nil) }
        let values = kind.fields.indices.map { result.string(row: 0, column: $0 + 2) }
        return StoredRecord(active: active, hash: hash, record: CanonicalRecord(kind: kind, id: id, values: values))
    }

    /// Every record of a kind (ID as a number, active, hash), in one streamed `COPY … TO STDOUT`.
    package func forEachStored(_ kind: RecordKind, _ body: (UInt64, Bool, UInt64) throws -> Void) throws {
        try Self.forEachStored(kind, on: connection, body)
    }

    static func forEachStored(
        _ kind: RecordKind, on connection: PostgresConnection, _ body: (UInt64, Bool, UInt64) throws -> Void
    ) throws {
        let sql =
            "COPY (SELECT id, active, record_hash FROM \(table(for: kind))\(kindFilter(kind, prefix: "WHERE"))) TO STDOUT"
        try CopyLines.forEach(connection, sql) { fields in
            // An ID of another shape (edited by hand) would read as some other ID: it is left out, and reported
            // by `invalidStoredIDs`.
            guard NationalID.hasStoredShape(fields[0], kind: kind) else { return }
            let hash = UInt64(bitPattern: CopyLines.integer(fields[2]))
            try body(Digits.number(fields[0]), fields[1].first == UInt8(ascii: "1"), hash)
        }
    }

    package func forEachStoredPerson(
        _ body: (_ kind: RecordKind, _ id: UInt64, _ active: Bool, _ hash: UInt64) throws -> Void
    ) throws {
        try Self.forEachStoredPerson(on: connection, body)
    }

    /// Citizens and residents in one `COPY` of `people`, where `forEachStored` of each would read it twice.
    static func forEachStoredPerson(
        on connection: PostgresConnection,
        _ body: (_ kind: RecordKind, _ id: UInt64, _ active: Bool, _ hash: UInt64) throws -> Void
    ) throws {
        try CopyLines.forEach(connection, "COPY (SELECT kind, id, active, record_hash FROM people) TO STDOUT") {
            fields in
            // The kind's first byte: `c`itizen or `r`esident (the table's CHECK allows no other).
            let kind: RecordKind = fields[0].first == UInt8(ascii: "c") ? .citizen : .resident
            guard NationalID.hasStoredShape(fields[1], kind: kind) else { return }
            let hash = UInt64(bitPattern: CopyLines.integer(fields[3]))
            try body(kind, Digits.number(fields[1]), fields[2].first == UInt8(ascii: "1"), hash)
        }
    }

    /// Stored IDs of `kind` that are not 10 ASCII digits with a leading digit of the kind, in byte order.
    package func invalidStoredIDs(_ kind: RecordKind, limit: Int) throws -> InvalidStoredIDs {
        let leading = NationalID.storedLeadingDigits(of: kind)
        let sql = """
            COPY (SELECT id FROM \(Self.table(for: kind)) WHERE NOT (octet_length(id) = 10
                AND id ~ '^[\(leading)][0-9]{9}$')\(Self.kindFilter(kind, prefix: "AND")) ORDER BY id COLLATE "C") TO STDOUT
            """
        var found = InvalidStoredIDs()
        try CopyLines.forEach(connection, sql) { fields in
            if found.ids.count < limit { found.ids.append(String(decoding: fields[0], as: UTF8.self)) }
            found.total += 1
        }
        return found
    }

    package func sponsorsOfActiveResidents() throws -> Set<String> {
        var ids: Set<String> = []
        try connection.copyOutRows(
            """
            COPY (SELECT DISTINCT sponsor_id FROM people
                  WHERE kind = 'resident' AND active = 1 AND sponsor_id IS NOT NULL) TO STDOUT
            """
        ) { fields in ids.insert(fields[0] ?? "") }
        return ids
    }

    // MARK: - Writing records

    /// Buffered, then copied into the staging table (see `flushStaged`).
    package func insert(_ record: CanonicalRecord, runRowID: Int64) throws {
        staging.nextKey += 1
        try stageRecord(record, key: staging.nextKey, hash: record.contentHash, runRowID: runRowID)
    }

    /// Writes every field of `record` and makes it active: one statement (a later night's changed records).
    package func update(_ record: CanonicalRecord, runRowID: Int64) throws {
        let kind = record.kind
        var assignments = kind.fields.enumerated().map { "\($1.rawValue) = $\($0 + 1)" }
        let next = kind.fields.count + 1
        assignments += ["active = 1", "record_hash = $\(next)::bigint", "last_changed_run_id = $\(next + 1)::bigint"]
        var parameters: [(any PostgresTextEncodable)?] = record.values.map { $0 }
        parameters += [Int64(bitPattern: record.contentHash), runRowID]
        if kind.isPerson {
            assignments.append("username_key = $\(next + 2)")
            parameters.append(record[.username].map(Username.key))
        }
        parameters.append(record.id)
        let statement = try connection.cachedStatement(
            "UPDATE \(Self.table(for: kind)) SET \(assignments.joined(separator: ", ")) WHERE id = $\(parameters.count)"
        )
        try statement.execute(parameters)
    }

    package func setActive(_ active: Bool, kind: RecordKind, id: String, runRowID: Int64) throws {
        let statement = try connection.cachedStatement(
            "UPDATE \(Self.table(for: kind)) SET active = $1::smallint, last_changed_run_id = $2::bigint WHERE id = $3")
        try statement.execute([active ? 1 : 0, runRowID, id])
    }

    package var snapshots: any StoreSnapshotSource { PostgresSnapshotSource(connectionString: connectionString) }
}
