/// The rows of one file that claim their ID, as `IDRow` (`id << 30 | row`), sorted: 8 bytes a claim, found
/// by `PackedKey`'s lower-bound search.
package struct ClaimTable {
    package typealias Key = PackedKey<IDRow>

    package var packed: [UInt64] = []

    package static func pack(id: UInt64, row: Int) -> UInt64 { Key.pack(id, UInt64(row)) }
    package static func id(_ packed: UInt64) -> UInt64 { Key.high(packed) }
    package static func row(_ packed: UInt64) -> Int32 { Int32(truncatingIfNeeded: Key.low(packed)) }

    /// The row that claims `id`, if any.
    package func row(of id: UInt64) -> Int32? {
        Key.firstIndex(of: id, in: packed).map { Self.row(packed[$0]) }
    }
}
