import AbsherRules
import AbsherScan
import AbsherStore
import AbsherSupport

/// Every username of the store as `HashOwner` (`hashPrefix << 34 | ownerID`), sorted, where `hashPrefix` is
/// the top 30 bits of the key's FNV-1a 64 hash (as `TextArena.hash`): 8 bytes a username, read in one pass of
/// the store.
package struct UsernameOwnerTable {
    package typealias Key = PackedKey<HashOwner>

    package private(set) var packed: [UInt64] = []

    package init(_ store: any StoreKnowledge) throws {
        var table: [UInt64] = []
        try store.forEachUsername { key, ownerID in
            table.append(Key.pack(Key.high(TextArena.hash(key)), Digits.number(ownerID)))
        }
        table.sortInPlace()
        packed = table
    }

    /// The owners of usernames whose hash's top 30 bits are those of `hash`: how many there are, and the
    /// first one's ID (0 when none).
    package func candidates(hash: UInt64) -> (count: Int, first: UInt64) {
        let prefix = Key.high(hash)
        var index = Key.lowerBound(of: prefix, in: packed)
        var count = 0
        var first: UInt64 = 0
        while index < packed.count && Key.high(packed[index]) == prefix {
            if count == 0 { first = Key.low(packed[index]) }
            count += 1
            index += 1
        }
        return (count, first)
    }
}
