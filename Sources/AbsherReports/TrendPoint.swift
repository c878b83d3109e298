import AbsherRules
import AbsherSchema
import AbsherStore

/// One run in the trend of `report.html`: an earlier run from the store, or this one.
package struct TrendPoint {
    package var runID: String
    /// When it started, as the store keeps it (ISO 8601 UTC).
    package var startedAt: String
    package var status: String
    package var accepted: Int
    package var rejected: Int
    package var warnings: Int
    package var deactivated: Int
    /// Findings per rule code.
    package var rules: [String: Int]
    package var isCurrent: Bool

    package init(_ entry: RunHistoryEntry) {
        runID = entry.runID
        startedAt = entry.startedAt
        status = entry.status
        accepted = entry.rowsAccepted
        rejected = entry.rowsRejected
        warnings = entry.warnings
        deactivated = entry.changeCounts[ChangeKind.deactivated.rawValue] ?? 0
        rules = entry.ruleCounts
        isCurrent = false
    }

    /// This run, which started at `startedAt`.
    package init(current outcome: RunOutcome, startedAt: String) {
        runID = outcome.runID
        self.startedAt = startedAt
        status = outcome.status.rawValue
        accepted = outcome.rowsAccepted
        rejected = outcome.rowsRejected
        warnings = outcome.warningCount
        deactivated = outcome.changeCounts[.deactivated] ?? 0
        rules = Dictionary(uniqueKeysWithValues: outcome.ruleCounts.map { ($0.key.code, $0.value) })
        isCurrent = true
    }

    /// The day it started (`YYYY-MM-DD`), for the axis.
    package var day: String { String(startedAt.prefix(10)) }

    /// Whether a circuit breaker or an error stopped it (drawn grey).
    package var isStopped: Bool { status == "aborted" || status == "failed" }
}
