import AbsherSchema

/// A record as the store holds it: whether it is active, its content hash, and its values (nil when the
/// caller's hash matched, so that they were not read).
public struct StoredRecord: Sendable {
    public var active: Bool
    public var hash: UInt64
    public var record: CanonicalRecord?

    public init(active: Bool, hash: UInt64, record: CanonicalRecord?) {
        self.active = active
        self.hash = hash
        self.record = record
    }
}
