/// The exit codes of SPEC section 7 (sysexits).
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Committed, or a dry run or `validate` within the thresholds.
    case success = 0
    /// Aborted by a circuit breaker (for `validate`: reject rate above `--max-reject-rate`).
    case aborted = 1
    case usage = 64
    /// An input file is unusable.
    case dataError = 65
    /// The store or reports cannot be created.
    case cannotCreate = 73
    /// The store or reports cannot be written.
    case ioError = 74
    /// The store is locked by another run.
    case locked = 75
}

/// A run's status as `summary.json` and the `runs` table give it.
public enum RunStatus: String, Sendable {
    case committed
    case aborted
    case dryRun = "dry-run"
    case failed
}

/// What a run did to a fatal error: the one place where errors become exit codes.
public struct RunFailure: Error, Sendable, CustomStringConvertible {
    public var status: ExitStatus
    public var message: String
    /// Where it happened, when a file and line are known.
    public var file: String?
    public var line: Int?

    public init(_ status: ExitStatus, _ message: String, file: String? = nil, line: Int? = nil) {
        self.status = status
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String {
        var place = ""
        if let file { place = line.map { "\(file):\($0): " } ?? "\(file): " }
        return place + message
    }
}
