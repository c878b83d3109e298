/// A usage error: printed to stderr as `Error:` / `Usage:` / `See '… --help'`, exit 64 (`EX_USAGE`).
struct UsageError: Error, Sendable {
    var message: String
    /// The command whose usage to show, nil for the root.
    var command: String?
}
