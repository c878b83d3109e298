/// One past run, as the store keeps it.
public struct RunHistoryEntry: Sendable {
    public var runID: String
    public var startedAt: String
    public var mode: String
    public var status: String
    public var rowsRead: Int
    public var rowsAccepted: Int
    public var rowsRejected: Int
    public var warnings: Int
    /// Findings per rule code (the store's `run_counts` of category `rule`).
    public var ruleCounts: [String: Int]
    /// Records per change kind (category `change`).
    public var changeCounts: [String: Int]

    public init(
        runID: String, startedAt: String, mode: String, status: String, rowsRead: Int, rowsAccepted: Int,
        rowsRejected: Int, warnings: Int = 0, ruleCounts: [String: Int] = [:], changeCounts: [String: Int] = [:]
    ) {
        self.runID = runID
        self.startedAt = startedAt
        self.mode = mode
        self.status = status
        self.rowsRead = rowsRead
        self.rowsAccepted = rowsAccepted
        self.rowsRejected = rowsRejected
        self.warnings = warnings
        self.ruleCounts = ruleCounts
        self.changeCounts = changeCounts
    }

    /// Adds a `run_counts` row to this entry.
    public mutating func addCount(category: String, name: String, count: Int) {
        switch category {
        case "rule": ruleCounts[name, default: 0] += count
        case "change": changeCounts[name, default: 0] += count
        default: break
        }
    }
}
