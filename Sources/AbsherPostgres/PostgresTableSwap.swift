import Foundation
import PostgresClient

/// A first load's own copy of a record table (`people`, `sponsors`): made in the run's transaction, so no
/// other session sees it; filled without indexes; its indexes built afterwards, each by one sort; and put in
/// place of the empty live table just before the commit (`swap`), under an `ACCESS EXCLUSIVE` lock on the
/// live table that the commit frees. Readers are held only from the swap to the commit (a fraction of a
/// second), never for the load; they see the empty table until the commit and the full one after it.
///
/// The copy must be the table the migrations made, to the byte of what `psql \d`, `pg_indexes` and
/// `information_schema` show: columns (types, collations, defaults, NOT NULL), CHECK constraints and
/// comments by `LIKE … INCLUDING`, each index by its own `pg_get_indexdef` under its own name, grants by
/// `GRANT` (checked equal before any row goes in), the table's comment. A table with anything this does not
/// carry over (a view or a foreign key that depends on it, a trigger, a policy, storage options, another
/// owner, column grants, a partition: see `eligibilitySQL`) is not swapped: the run inserts into it.
struct PostgresTableSwap {
    /// The live table, `people` or `sponsors`.
    let table: String
    /// Its indexes, by name, with the SQL that makes each on the load table.
    private(set) var indexes: [(name: String, definition: String, comment: String?)] = []

    /// The table the rows go into until the swap.
    var loadTable: String { table + "_first_load" }

    /// The maintenance memory each index build may sort in (the server's default is 64 MB).
    static let maintenanceWorkMemory = "256MB"

    /// The load table, made and granted as `table` is; nil when `table` cannot be swapped (it is then left
    /// as it was, and the caller inserts into it).
    static func make(for table: String, on connection: PostgresConnection) throws -> PostgresTableSwap? {
        let eligible = try connection.execute(eligibilitySQL, parameters: [table]).bool(row: 0, column: 0)
        guard eligible == true else { return nil }
        var swap = PostgresTableSwap(table: table)
        let load = swap.loadTable
        guard try connection.scalarString("SELECT to_regclass($1)::text", parameters: [load]) == nil else {
            return nil
        }
        try connection.execute(
            """
            CREATE TABLE \(load) (LIKE \(table) INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING COMMENTS
                INCLUDING STORAGE INCLUDING COMPRESSION INCLUDING GENERATED INCLUDING IDENTITY)
            """)
        let grants = try connection.execute(grantsAndCommentSQL, parameters: [table, load])
        for row in grants.rows { try connection.execute(row.string(0) ?? "") }
        let sameGrants = try connection.execute(sameGrantsSQL, parameters: [table, load]).bool(row: 0, column: 0)
        guard sameGrants == true else {
            try connection.execute("DROP TABLE \(load)")
            return nil
        }
        let found = try connection.execute(
            """
            SELECT ic.relname, pg_get_indexdef(i.indexrelid),
                format('COMMENT ON INDEX %I IS %L', $2 || '_' || row_number() OVER (ORDER BY ic.relname),
                    obj_description(i.indexrelid, 'pg_class'))
            FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
            WHERE i.indrelid = to_regclass($1) ORDER BY ic.relname
            """, parameters: [table, load])
        for (number, row) in found.rows.enumerated() {
            let name = row.string(0) ?? ""
            guard let definition = Self.definition(row.string(1) ?? "", as: "\(load)_\(number + 1)", on: load) else {
                try connection.execute("DROP TABLE \(load)")
                return nil
            }
            let comment = found.isNull(row: number, column: 2) || row.string(2)?.hasSuffix(" IS NULL") == true
            swap.indexes.append((name, definition, comment ? nil : row.string(2)))
        }
        return swap
    }

    /// `pg_get_indexdef`'s `CREATE [UNIQUE] INDEX name ON schema.table USING …` for index `name` on `table`.
    static func definition(_ indexdef: String, as name: String, on table: String) -> String? {
        let unique = indexdef.hasPrefix("CREATE UNIQUE INDEX ")
        guard unique || indexdef.hasPrefix("CREATE INDEX "), let using = indexdef.range(of: " USING ") else {
            return nil
        }
        return "CREATE \(unique ? "UNIQUE " : "")INDEX \(name) ON \(table)" + indexdef[using.lowerBound...]
    }

    /// Whether `buildIndexes` has run.
    private(set) var indexesBuilt = false

    /// Each index of the live table, built on the load table by one sort, under a name of the load table's.
    mutating func buildIndexes(on connection: PostgresConnection) throws {
        indexesBuilt = true
        try connection.execute("SET LOCAL maintenance_work_mem = '\(Self.maintenanceWorkMemory)'")
        for index in indexes {
            try connection.execute(index.definition)
            if let comment = index.comment { try connection.execute(comment) }
        }
    }

    /// How long one try for the live tables' lock may wait: a reader that comes meanwhile queues behind
    /// the request, so it waits at most this long per try.
    static let lockTryMilliseconds = 100

    /// How long the swap keeps trying for the lock, while transactions that have read the live tables run on,
    /// before it gives up and the load goes into the live tables in place.
    static let lockPatienceSeconds = 30.0

    /// Takes `ACCESS EXCLUSIVE` on every live table of `swaps` at once, in tries of at most
    /// `lockTryMilliseconds` (each in a savepoint, so a failed try queues no one behind it), for at most
    /// `lockPatienceSeconds`. Held until the commit.
    ///
    /// - Returns: false when the patience ran out (no lock is then held).
    static func lockLiveTables(of swaps: [PostgresTableSwap], on connection: PostgresConnection) throws -> Bool {
        let tables = swaps.map(\.table).joined(separator: ", ")
        let previous = try connection.scalarString("SELECT current_setting('lock_timeout')") ?? "0"
        let deadline = ContinuousClock.now + .milliseconds(Int(lockPatienceSeconds * 1000))
        while true {
            if try tryLock(tables, on: connection) {
                try connection.execute("SELECT set_config('lock_timeout', $1, true)", parameters: [previous])
                return true
            }
            if ContinuousClock.now >= deadline { return false }
            usleep(UInt32(2 * lockTryMilliseconds * 1000))
        }
    }

    /// One try of `lockLiveTables`, in a savepoint that a timeout rolls back.
    private static func tryLock(_ tables: String, on connection: PostgresConnection) throws -> Bool {
        try connection.execute("SAVEPOINT absher_swap; SET LOCAL lock_timeout = '\(lockTryMilliseconds)ms'")
        var locked = true
        do {
            try connection.execute("LOCK TABLE \(tables) IN ACCESS EXCLUSIVE MODE")
        } catch {
            guard error.kind == .lockNotAvailable else { throw error }
            locked = false
        }
        try connection.execute(
            locked
                ? "RELEASE SAVEPOINT absher_swap" : "ROLLBACK TO SAVEPOINT absher_swap; RELEASE SAVEPOINT absher_swap")
        return locked
    }

    /// Puts the load table in place of the live one, whose lock `lockLiveTables` holds: when the live table
    /// is still empty and unused, drops it and gives the load table and its indexes the live names (its row
    /// type follows its name). Otherwise (a writer that is not a run added rows meanwhile; `inPlace`: the lock
    /// could not be had) the load table's rows go into the live table by `INSERT … SELECT`, as without the
    /// swap, and the load table is dropped.
    ///
    /// - Returns: whether the tables were swapped.
    func swap(on connection: PostgresConnection, inPlace: Bool) throws -> Bool {
        let eligible = try connection.execute(Self.eligibilitySQL, parameters: [table]).bool(row: 0, column: 0)
        guard eligible == true, !inPlace else {
            try connection.execute("INSERT INTO \(table) SELECT * FROM \(loadTable); DROP TABLE \(loadTable)")
            return false
        }
        var sql = "DROP TABLE \(table); ALTER TABLE \(loadTable) RENAME TO \(table);"
        for (number, index) in indexes.enumerated() {
            sql += " ALTER INDEX \(loadTable)_\(number + 1) RENAME TO \(index.name);"
        }
        try connection.execute(sql)
        return true
    }
}
