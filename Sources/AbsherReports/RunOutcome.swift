import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// Everything the reports need to know of a run. Reports get this, never a database.
public struct RunOutcome: Sendable {
    public var runID: String
    public var command: RunCommand
    public var mode: RunMode
    public var startedAt: Date
    public var endedAt: Date
    public var runDate: GregorianDate
    public var status: RunStatus
    public var exitStatus: ExitStatus
    /// Why the run failed or was aborted, for the log's last line and the report.
    public var failure: RunFailure?
    public var files: [FileSummary]
    /// Every finding, in report order.
    public var findings: [Finding]
    /// Changes of every kind but `unchanged` (counted only), in record order.
    public var changes: [Change]
    public var changeCounts: [ChangeKind: Int]
    /// Earlier runs from the store, newest last (for the trend chart).
    public var history: [RunHistoryEntry]
    /// The limits the run was held to (nil in outcomes built by hand).
    public var thresholds: RunThresholds?
    /// The store as reports show it: a path, or a URI without its password; nil for `validate`.
    public var store: String?
    /// The run's `report.html`, once its report folder is published; nil while it is not (and for a run that
    /// wrote none: such a run prints no report path).
    public var reportPath: String?
    /// Problems after the report folder was published that do not change the outcome (`index.html` could not
    /// be rewritten), for the log.
    public var notes: [String] = []
    /// The pairs of contract §4b (`matches.csv`), by the run record's ID.
    public var matches: [PersonMatch] = []
    /// The matcher's blocks of more than `MatchBlocks.maxBlock` people (sharing initials and a birth day, or a
    /// mobile) that it did not pair on: the pairs among their people are not looked at (summary.json and
    /// report.html say so when there are any).
    public var matchBlocksSkipped = 0

    public init(
        runID: String, command: RunCommand, mode: RunMode, startedAt: Date, endedAt: Date, runDate: GregorianDate,
        status: RunStatus, exitStatus: ExitStatus, failure: RunFailure? = nil, files: [FileSummary],
        findings: [Finding], changes: [Change], changeCounts: [ChangeKind: Int], history: [RunHistoryEntry],
        thresholds: RunThresholds? = nil, store: String? = nil
    ) {
        self.runID = runID
        self.command = command
        self.mode = mode
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.runDate = runDate
        self.status = status
        self.exitStatus = exitStatus
        self.failure = failure
        self.files = files
        self.findings = findings
        self.changes = changes
        self.changeCounts = changeCounts
        self.history = history
        self.thresholds = thresholds
        self.store = store
    }

    public var ruleCounts: [RuleCode: Int] {
        findings.reduce(into: [:]) { $0[$1.rule, default: 0] += 1 }
    }
    public var rowsRead: Int { files.reduce(0) { $0 + $1.rows } }
    public var rowsAccepted: Int { files.reduce(0) { $0 + $1.accepted } }
    public var rowsRejected: Int { files.reduce(0) { $0 + $1.rejected } }
    public var warningCount: Int { files.reduce(0) { $0 + $1.warnings } }
    /// Rejected rows over rows read; 0 when nothing was read.
    public var rejectRate: Double { Self.rate(rowsRejected, of: rowsRead) }

    /// `part` over `whole`, 0 when `whole` is 0.
    public static func rate(_ part: Int, of whole: Int) -> Double {
        whole > 0 ? Double(part) / Double(whole) : 0
    }
}
