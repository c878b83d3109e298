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

    /// A table of `HashOwner` values already sorted.
    init(sorted: [UInt64]) { packed = sorted }

    /// The owners of usernames whose hash's top 30 bits are those of `hash`: how many there are, and the
    /// first one's ID (0 when none).
    package func candidates(hash: UInt64) -> (count: Int, first: UInt64) {
        var cursor = 0
        return candidates(hash: hash, cursor: &cursor)
    }

    /// The same for questions asked in ascending order of hash prefix (`RowGroups` gives its groups so):
    /// `cursor` (0 at first) keeps where the last answer began, and the next search walks on from there
    /// instead of starting a binary search of the whole table: one pass over the table for all the questions,
    /// read in order. A question out of order is answered by a binary search.
    package func candidates(hash: UInt64, cursor: inout Int) -> (count: Int, first: UInt64) {
        let prefix = Key.high(hash)
        var index = cursor
        if index > packed.count || (index > 0 && Key.high(packed[index - 1]) >= prefix) {
            index = Key.lowerBound(of: prefix, in: packed)
        } else {
            // Short steps first, then a binary search of what is left when the prefix is far ahead.
            var steps = 0
            while index < packed.count && Key.high(packed[index]) < prefix {
                index += 1
                steps += 1
                if steps == 16 {
                    index = Key.lowerBound(of: prefix, in: packed)
                    break
                }
            }
        }
        cursor = index
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
