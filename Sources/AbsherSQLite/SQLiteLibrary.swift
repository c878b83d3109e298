import CSQLite

/// The SQLite library the process runs with (not the one it was compiled against), for `--version`.
public enum SQLiteLibrary {
    /// `sqlite3_libversion()`: `3.40.1`.
    public static var version: String { String(cString: sqlite3_libversion()) }
}
