/// Why an input file could not be read at all.
public enum CSVReadError: Error, Sendable, Equatable {
    /// The file could not be opened or read (`reason` is the `strerror` text), or it is a directory.
    case unreadable(path: String, reason: String)
}
