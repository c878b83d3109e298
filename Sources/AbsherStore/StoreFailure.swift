/// What went wrong with a store, whatever its engine: the pipeline maps these to exit codes in one place
/// (`ExitMapping`).
public enum StoreFailure: Sendable, Equatable {
    /// Another run holds the run lock.
    case locked
    /// The disk is full or failed.
    case diskFull
    /// The store cannot be opened: missing, not a database, or not an absher-import store.
    case cannotOpen
    /// The store's server cannot be reached or refuses the login (PostgreSQL): exit 69.
    case unavailable
    /// The connection to the store's server broke during the work (server restarted, network cut): exit 74,
    /// nothing committed.
    case connectionLost
    /// Anything else the engine reports.
    case other
}
