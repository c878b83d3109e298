/// A row that passed its field rules, in canonical form: the value the store keeps.
public struct CanonicalRecord: Sendable, Hashable {
    public var kind: RecordKind
    /// The 10-digit ASCII ID.
    public var id: String
    /// One value per `kind.fields`, nil when missing.
    public var values: [String?]

    public init(kind: RecordKind, id: String, values: [String?]) {
        precondition(values.count == kind.fields.count)
        self.kind = kind
        self.id = id
        self.values = values
    }

    @inlinable public subscript(field: Field) -> String? {
        get { kind.index(of: field).flatMap { values[$0] } }
        set {
            guard let index = kind.index(of: field) else { return }
            values[index] = newValue
        }
    }

    /// A stable 64-bit FNV-1a hash of the kind and values (not the ID): equal records hash equal in
    /// every process, so the store can keep it and skip field comparisons of unchanged rows.
    public var contentHash: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        for byte in kind.rawValue.utf8 { mix(byte) }
        for value in values {
            if let value {
                mix(0x01)
                // Over the string's own bytes where it has them together (native strings do): the same
                // bytes in the same order as through `utf8`, a fraction of the instructions.
                let mixed: Void? = value.utf8.withContiguousStorageIfAvailable { bytes in
                    for byte in bytes { mix(byte) }
                }
                if mixed == nil {
                    for byte in value.utf8 { mix(byte) }
                }
            } else {
                mix(0x00)
            }
            mix(0x1f)
        }
        return hash
    }
}
