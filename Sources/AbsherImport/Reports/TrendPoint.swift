/// One run in the trend chart of `report.html`: an earlier run from the store, or this one.
struct TrendPoint {
    var runID: String
    /// When it started, as the store keeps it.
    var startedAt: String
    var status: String
    var accepted: Int
    var rejected: Int
    var isCurrent: Bool

    init(_ entry: RunHistoryEntry) {
        runID = entry.runID
        startedAt = entry.startedAt
        status = entry.status
        accepted = entry.rowsAccepted
        rejected = entry.rowsRejected
        isCurrent = false
    }

    init(runID: String, startedAt: String, status: String, accepted: Int, rejected: Int) {
        self.runID = runID
        self.startedAt = startedAt
        self.status = status
        self.accepted = accepted
        self.rejected = rejected
        isCurrent = true
    }

    /// The day it started (`YYYY-MM-DD`), for the axis.
    var day: String { String(startedAt.prefix(10)) }
}
