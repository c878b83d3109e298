/// Stored records of one kind whose ID is not of its kind's shape (a store edited by hand): the first of them,
/// by ID, and how many there are. The run reports them as `store.invalid-record` and leaves them alone
/// (contract §5.8).
public struct InvalidStoredIDs: Sendable, Hashable {
    /// The IDs as stored, at most the limit asked for.
    public var ids: [String]
    /// How many records of the kind have such an ID.
    public var total: Int

    public init(ids: [String] = [], total: Int = 0) {
        self.ids = ids
        self.total = total
    }
}
