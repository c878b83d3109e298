import AbsherRules
import AbsherScan
import AbsherStore
import AbsherSupport

/// Every username of the store as `hashPrefix << 34 | ownerID`, sorted, where `hashPrefix` is the top 30 bits
/// of the key's FNV-1a 64 hash (as `TextArena.hash`): 8 bytes a username, read in one pass of the store.
package enum UsernameOwnerTable {
    package static func packed(from store: any StoreKnowledge) throws -> [UInt64] {
        var table: [UInt64] = []
        try store.forEachUsername { key, ownerID in
            table.append((TextArena.hash(key) >> 34) << 34 | Digits.number(ownerID))
        }
        table.sortInPlace()
        return table
    }
}
