import AbsherSchema
import Foundation

/// What the store keeps of a finished run: its status and counts, per input file and per rule and change.
public struct RunRecord: Sendable {
    /// One input file of the run.
    public struct File: Sendable {
        public var kind: RecordKind
        public var path: String
        public var sha256: String
        public var rows: Int
        public var accepted: Int
        public var rejected: Int
        public var warnings: Int

        public init(
            kind: RecordKind, path: String, sha256: String, rows: Int, accepted: Int, rejected: Int, warnings: Int
        ) {
            self.kind = kind
            self.path = path
            self.sha256 = sha256
            self.rows = rows
            self.accepted = accepted
            self.rejected = rejected
            self.warnings = warnings
        }
    }

    public var endedAt: Date
    /// `committed`, `aborted`, `dry-run` or `failed`.
    public var status: String
    public var exitCode: Int32
    public var files: [File]
    /// Findings per rule code, sorted by code.
    public var ruleCounts: [(code: String, count: Int)]
    /// Records per change kind, sorted by kind.
    public var changeCounts: [(kind: String, count: Int)]

    public var rowsRead: Int { files.reduce(0) { $0 + $1.rows } }
    public var rowsAccepted: Int { files.reduce(0) { $0 + $1.accepted } }
    public var rowsRejected: Int { files.reduce(0) { $0 + $1.rejected } }
    public var warnings: Int { files.reduce(0) { $0 + $1.warnings } }

    public init(
        endedAt: Date, status: String, exitCode: Int32, files: [File], ruleCounts: [(code: String, count: Int)],
        changeCounts: [(kind: String, count: Int)]
    ) {
        self.endedAt = endedAt
        self.status = status
        self.exitCode = exitCode
        self.files = files
        self.ruleCounts = ruleCounts
        self.changeCounts = changeCounts
    }
}
