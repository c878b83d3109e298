import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// The rows of one file that claim their ID, as `id << 30 | row`, sorted: 8 bytes a claim, found by
/// binary search (a 10-digit ID fits in 34 bits, a row index in 30).
package struct ClaimTable {
    package static let rowBits: UInt64 = 30
    private static let rowMask: UInt64 = (1 << rowBits) - 1

    package var packed: [UInt64] = []

    package static func pack(id: UInt64, row: Int) -> UInt64 { id << rowBits | UInt64(row) }
    package static func id(_ packed: UInt64) -> UInt64 { packed >> rowBits }
    package static func row(_ packed: UInt64) -> Int32 { Int32(truncatingIfNeeded: packed & rowMask) }

    /// The row that claims `id`, if any.
    package func row(of id: UInt64) -> Int32? {
        var low = 0
        var high = packed.count
        let key = id << Self.rowBits
        while low < high {
            let middle = (low + high) / 2
            if packed[middle] < key { low = middle + 1 } else { high = middle }
        }
        guard low < packed.count, Self.id(packed[low]) == id else { return nil }
        return Self.row(packed[low])
    }
}
