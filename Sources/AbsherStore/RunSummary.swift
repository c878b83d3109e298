import AbsherSchema

/// One row of the `runs` table with its change counts.
public struct RunSummary: Sendable, Hashable {
    /// The run's key (its report folder name).
    public var runKey: String
    /// ISO 8601 UTC.
    public var startedAt: String
    /// ISO 8601 UTC; nil if the run never recorded its end.
    public var endedAt: String?
    /// The run's "today" (`--now`), `YYYY-MM-DD`.
    public var runDate: String
    /// `snapshot` or `delta`.
    public var mode: String
    /// `committed`, `aborted`, `dry-run` or `failed`.
    public var status: String
    public var exitCode: Int?
    public var rowsRead: Int
    public var rowsAccepted: Int
    public var rowsRejected: Int
    public var warnings: Int
    /// `run_counts` rows of category `change` (`unchanged` included).
    public var changeCounts: [ChangeKind: Int]

    public init(
        runKey: String, startedAt: String, endedAt: String? = nil, runDate: String, mode: String, status: String,
        exitCode: Int? = nil, rowsRead: Int, rowsAccepted: Int, rowsRejected: Int, warnings: Int,
        changeCounts: [ChangeKind: Int]
    ) {
        self.runKey = runKey
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.runDate = runDate
        self.mode = mode
        self.status = status
        self.exitCode = exitCode
        self.rowsRead = rowsRead
        self.rowsAccepted = rowsAccepted
        self.rowsRejected = rowsRejected
        self.warnings = warnings
        self.changeCounts = changeCounts
    }
}
