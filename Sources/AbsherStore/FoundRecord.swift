import AbsherSchema

/// A stored record with where it came from and everything that happened to it.
public struct FoundRecord: Sendable, Hashable {
    /// Every canonical field, present or not, as stored.
    public var record: CanonicalRecord
    /// Whether the record is active (0 once a snapshot run deactivated it).
    public var active: Bool
    /// The run that inserted the record.
    public var firstRunKey: String?
    /// The last run that changed it (fields or active state).
    public var lastChangedRunKey: String?
    /// Its `changes` rows, oldest first (in the order they were written).
    public var history: [RecordHistoryEntry]

    public init(
        record: CanonicalRecord, active: Bool, firstRunKey: String? = nil, lastChangedRunKey: String? = nil,
        history: [RecordHistoryEntry]
    ) {
        self.record = record
        self.active = active
        self.firstRunKey = firstRunKey
        self.lastChangedRunKey = lastChangedRunKey
        self.history = history
    }
}
