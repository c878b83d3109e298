import AbsherSchema

/// Every stored record of a kind in one pass, as the comparison of a run's rows with the store reads them.
public protocol StoredRecords {
    /// Calls `body` with each record of `kind`: its ID as a number, whether it is active, and its content
    /// hash, in no specified order.
    func forEachStored(_ kind: RecordKind, _ body: (_ id: UInt64, _ active: Bool, _ hash: UInt64) throws -> Void)
        throws
}
