import Foundation

/// Per input file: what was read and what became of it.
public struct FileSummary: Sendable {
    public var input: InputFile
    public var sha256: String
    public var encoding: TextEncoding?
    public var delimiter: UInt8?
    public var rows: Int
    public var accepted: Int
    public var rejected: Int
    public var warnings: Int
    /// Indexes (0-based, in file order, header excluded) of the rejected records.
    public var rejectedRows: [Int]
}

/// One change the merge made (or would make), as `changes.csv` lists it.
public struct Change: Sendable, Hashable {
    public var recordID: String
    public var kind: RecordKind
    public var change: ChangeKind
    public var field: String
    public var oldValue: String
    public var newValue: String

    public init(
        recordID: String, kind: RecordKind, change: ChangeKind, field: String = "", oldValue: String = "",
        newValue: String = ""
    ) {
        self.recordID = recordID
        self.kind = kind
        self.change = change
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }
}

/// The change kinds of SPEC section 5.
public enum ChangeKind: String, CaseIterable, Sendable, Comparable {
    case new
    case updated
    case unchanged
    case missing
    case deactivated
    case reactivated
    case sponsorTransfer = "sponsor-transfer"
    case documentRenewed = "document-renewed"
    case recoveryContactChanged = "recovery-contact-changed"

    public static func < (lhs: ChangeKind, rhs: ChangeKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Everything the reports need to know of a run. Reports get this, never a database.
public struct RunOutcome: Sendable {
    public var runID: String
    public var command: RunOptions.Command
    public var mode: RunOptions.Mode
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

    public var ruleCounts: [RuleCode: Int] {
        findings.reduce(into: [:]) { $0[$1.rule, default: 0] += 1 }
    }
    public var rowsRead: Int { files.reduce(0) { $0 + $1.rows } }
    public var rowsAccepted: Int { files.reduce(0) { $0 + $1.accepted } }
    public var rowsRejected: Int { files.reduce(0) { $0 + $1.rejected } }
    public var warningCount: Int { files.reduce(0) { $0 + $1.warnings } }
}

/// One past run, as the `runs` table keeps it.
public struct RunHistoryEntry: Sendable {
    public var runID: String
    public var startedAt: String
    public var mode: String
    public var status: String
    public var rowsRead: Int
    public var rowsAccepted: Int
    public var rowsRejected: Int
}
