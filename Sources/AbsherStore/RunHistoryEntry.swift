/// One past run, as the store keeps it.
public struct RunHistoryEntry: Sendable {
    public var runID: String
    public var startedAt: String
    public var mode: String
    public var status: String
    public var rowsRead: Int
    public var rowsAccepted: Int
    public var rowsRejected: Int

    public init(
        runID: String, startedAt: String, mode: String, status: String, rowsRead: Int, rowsAccepted: Int,
        rowsRejected: Int
    ) {
        self.runID = runID
        self.startedAt = startedAt
        self.mode = mode
        self.status = status
        self.rowsRead = rowsRead
        self.rowsAccepted = rowsAccepted
        self.rowsRejected = rowsRejected
    }
}
