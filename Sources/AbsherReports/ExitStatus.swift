import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// The exit codes of contract §8 (sysexits).
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Committed, or a dry run or `validate` within the thresholds.
    case success = 0
    /// Aborted by a circuit breaker (for `validate`: reject rate above `--max-reject-rate`).
    case aborted = 1
    case usage = 64
    /// An input file is unusable.
    case dataError = 65
    /// The store's server cannot be reached or refuses the login (PostgreSQL).
    case unavailable = 69
    /// The store or reports cannot be created.
    case cannotCreate = 73
    /// The store or reports cannot be written.
    case ioError = 74
    /// The store is locked by another run.
    case locked = 75
    /// SIGINT before the commit: rolled back, nothing merged (128 + 2, as a shell reports it).
    case interrupted = 130
    /// SIGTERM before the commit: rolled back, nothing merged (128 + 15).
    case terminated = 143

    /// Whether the run was stopped by a signal before its commit (and left no report).
    public var isInterruption: Bool { self == .interrupted || self == .terminated }
}
