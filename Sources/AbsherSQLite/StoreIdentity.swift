import CSQLite

/// Which SQLite files are absher-import stores (contract §5.2 Only its own store): those with the tool's own
/// `PRAGMA application_id`, set when the store is created. A store made before the id existed (our tables, a
/// `user_version` of 1 or more, an `application_id` of 0) is ours too, and gets the id at its next migration.
/// An empty file, or a SQLite file with no schema at all, becomes a new store. Anything else is refused
/// before a single byte is written to it, the switch to WAL included.
public enum StoreIdentity {
    /// `ABSH` in ASCII, as a big-endian 32-bit integer (the header's bytes 68 to 71).
    public static let applicationID: Int64 = 0x4142_5348

    /// The tables every version of the store has.
    static let tables = ["runs", "people", "sponsors", "changes"]

    /// Reads only: throws `SQLITE_NOTADB` with a message naming `path` when the file is not empty and not ours.
    public static func check(_ database: Database, path: String) throws(DatabaseError) {
        let id = try database.scalarInt("PRAGMA application_id") ?? 0
        if id == applicationID { return }
        let version = try database.scalarInt("PRAGMA user_version") ?? 0
        let objects = try database.scalarInt("SELECT count(*) FROM sqlite_master") ?? 0
        if id == 0 && version == 0 && objects == 0 { return }
        let names = tables.map { "'\($0)'" }.joined(separator: ", ")
        let ours =
            try database.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (\(names))")
            ?? 0
        if id == 0 && version >= 1 && ours == tables.count { return }
        throw DatabaseError(
            resultCode: SQLITE_NOTADB,
            message: "\(path) is a SQLite file of another application, not an absher-import store; nothing was written")
    }

    /// Whether the file still lacks the id (new, or made before the id existed): the migration sets it.
    static func needsID(_ database: Database) throws(DatabaseError) -> Bool {
        try database.scalarInt("PRAGMA application_id") != applicationID
    }
}
