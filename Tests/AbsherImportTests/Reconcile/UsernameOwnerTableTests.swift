import AbsherSupport
import Testing

@testable import AbsherReconcile

/// Asked in ascending order of hash prefix with a cursor (as `UsernameRule` asks), the table answers as a
/// binary search of the whole table does: the same count and first owner for every prefix, present or not,
/// repeated or not; and a question out of order is answered rightly too.
@Test func ownersAskedInOrderWithACursorAreThoseOfABinarySearch() {
    var generator = SystemRandomNumberGenerator()
    typealias Key = UsernameOwnerTable.Key
    // Few prefixes, so that many usernames share one and long stretches of the table have none asked.
    var entries: [UInt64] = []
    for owner in 1...5_000 {
        let prefix = UInt64.random(in: 0..<2_000, using: &generator) * 97
        entries.append(Key.pack(prefix, UInt64(owner)))
    }
    entries.sort()
    let table = UsernameOwnerTable(sorted: entries)
    // Hashes as `RowGroups` gives them: the prefix in the upper 32 bits. Some prefixes asked twice in a row.
    var asked = (0..<3_000).map { _ in UInt64.random(in: 0..<(2_000 * 97), using: &generator) << 34 }
    asked += entries.prefix(500).map { Key.high($0) << 34 }
    asked.sort()
    var cursor = 0
    for hash in asked {
        let walked = table.candidates(hash: hash, cursor: &cursor)
        let searched = table.candidates(hash: hash)
        #expect(walked == searched)
    }
    #expect(asked.contains { table.candidates(hash: $0).count > 1 })
    // Out of order: from wherever the cursor is, the answer is still the binary search's.
    for hash in asked.shuffled().prefix(500) {
        let walked = table.candidates(hash: hash, cursor: &cursor)
        #expect(walked == table.candidates(hash: hash))
    }
}
