/// What went wrong with a store, whatever its engine: the pipeline maps these to exit codes in one place
/// (`ExitMapping`).
public enum StoreFailure: Sendable, Equatable {
    /// Another run holds the run lock.
    case locked
    /// The disk is full or failed.
    case diskFull
    /// The store cannot be opened: missing, not a database, or not an absher-import store.
    case cannotOpen
    /// Anything else the engine reports.
    case other
}
