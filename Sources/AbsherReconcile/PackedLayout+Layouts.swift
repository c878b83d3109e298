import Foundation

/// `id << 30 | row`: a row of one file and the ID it claims (a 10-digit ID fits in 34 bits, a row index in 30).
/// `ClaimTable`, `StoreComparison.Prepared`.
package enum IDRow: PackedLayout {
    package static var lowBits: UInt64 { 30 }
}

/// A bare ID, nothing below it: sorted IDs searched as the other layouts are.
package enum BareID: PackedLayout {
    package static var lowBits: UInt64 { 0 }
}

/// `file << 30 | row`: a `RowRef` in 32 bits (file in 2, row in 30).
package enum FileRow: PackedLayout {
    package static var lowBits: UInt64 { 30 }
}

/// `key << 32 | file << 30 | row`: a 32-bit grouping key above a `FileRow`, sorted to find the groups.
package enum KeyedRow: PackedLayout {
    package static var lowBits: UInt64 { 32 }
}

/// `(file << 30 | row) << 2 | disposition`, that is `file << 32 | row << 2 | disposition`: a verdict on a row.
package enum RowVerdict: PackedLayout {
    package static var lowBits: UInt64 { 2 }
}

/// `hashPrefix << 34 | ownerID`: the top 30 bits of a username key's hash above the ID of its owner.
package enum HashOwner: PackedLayout {
    package static var lowBits: UInt64 { 34 }
}

/// `key << 26 | person`: a matcher's blocking key (`MatchBlocks.entryKey`: kind, key, day, sub-block) above a person's
/// index among the run's people (up to 67.1M, `MatchBlocks.maxPeople`).
package enum BlockPerson: PackedLayout {
    package static var lowBits: UInt64 { 26 }
}
