import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// One run in the trend chart of `report.html`: an earlier run from the store, or this one.
package struct TrendPoint {
    package var runID: String
    /// When it started, as the store keeps it.
    package var startedAt: String
    package var status: String
    package var accepted: Int
    package var rejected: Int
    package var isCurrent: Bool

    package init(_ entry: RunHistoryEntry) {
        runID = entry.runID
        startedAt = entry.startedAt
        status = entry.status
        accepted = entry.rowsAccepted
        rejected = entry.rowsRejected
        isCurrent = false
    }

    package init(runID: String, startedAt: String, status: String, accepted: Int, rejected: Int) {
        self.runID = runID
        self.startedAt = startedAt
        self.status = status
        self.accepted = accepted
        self.rejected = rejected
        isCurrent = true
    }

    /// The day it started (`YYYY-MM-DD`), for the axis.
    package var day: String { String(startedAt.prefix(10)) }
}
