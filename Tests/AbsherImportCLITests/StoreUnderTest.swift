/// A store a fault test saves, copies, compares and removes alike on either engine: a SQLite file
/// (`SQLiteStoreUnderTest`) or a PostgreSQL database (`PostgresTestDatabase`).
protocol StoreUnderTest {
    /// What `--store` takes: the file's path or the database's URI.
    var location: String { get }
    /// A new store holding what this one holds now.
    func copy() throws -> any StoreUnderTest
    /// The store's state as text or a hash, without surrogate keys and wall-clock times, so that two
    /// stores that saw the same runs give the same fingerprint; `recordsOnly` leaves the run tables and the
    /// history out.
    func fingerprint(recordsOnly: Bool) throws -> String
    /// "ok" when the store's files or indexes are sound, else what is wrong.
    func soundness() throws -> String
    func remove()
}
