/// The records `lookup(_:)` found, people before sponsors, each group by ID.
public struct LookupResult: Sendable {
    public var key: LookupKey
    public var records: [FoundRecord]

    public init(key: LookupKey, records: [FoundRecord]) {
        self.key = key
        self.records = records
    }
}
