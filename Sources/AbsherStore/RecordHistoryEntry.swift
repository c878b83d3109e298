import AbsherSchema

/// One row of a record's history: a `changes` row with the run that made it.
public struct RecordHistoryEntry: Sendable, Hashable {
    /// The run's key (its report folder name, `Reports/<runKey>/`).
    public var runKey: String
    /// When the run started, ISO 8601 UTC.
    public var startedAt: String
    public var change: ChangeKind
    /// The changed field (a store column such as `mobile`); nil for a row-level change (`new`, `missing`…).
    public var field: String?
    public var oldValue: String?
    public var newValue: String?

    public init(
        runKey: String, startedAt: String, change: ChangeKind, field: String? = nil, oldValue: String? = nil,
        newValue: String? = nil
    ) {
        self.runKey = runKey
        self.startedAt = startedAt
        self.change = change
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }
}
