import AbsherSupport
import Testing

@testable import AbsherReconcile

/// The matcher's table split into parts for the cores gives, part after part, exactly the candidate pairs of
/// the whole table in one go: no block cut in two, no pair across a day boundary lost at a part's start, and
/// oversized blocks skipped the same way.
@Test(arguments: [1, 2, 3, 16, 64])
func candidatePairsOfThePartsAreThoseOfTheWholeTable(parts: Int) {
    var generator = SystemRandomNumberGenerator()
    // Few names and days, so that blocks are large, neighbours by day are common and some exceed the bound.
    var entries: [UInt64] = []
    for person in 0..<20_000 {
        let name = UInt64.random(in: 1..<40, using: &generator)
        let day = Int32.random(in: -43_830 ..< -43_800, using: &generator)
        // Sub-blocks of few values, so that large blocks are paired by them and some of them exceed the bound.
        let sub = UInt64.random(in: 0..<3, using: &generator)
        entries.append(
            PackedKey<BlockPerson>.pack(MatchBlocks.entryKey(.name, key: name, day: day, sub: sub), UInt64(person)))
        if person % 7 == 0 {
            // A large block of one mobile.
            entries.append(PackedKey<BlockPerson>.pack(MatchBlocks.entryKey(.mobile, key: 5, day: 0), UInt64(person)))
        }
    }
    entries.sortInPlace()
    let blocks = MatchBlocks(sorted: entries)
    var whole: [UInt64] = []
    let wholeOversized = blocks.forEachCandidatePair(in: 0..<entries.count) { a, b, _ in
        whole.append(UInt64(a) << 32 | UInt64(b))
    }
    var split: [UInt64] = []
    var splitOversized = 0
    let ranges = blocks.parts(parts)
    #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == entries.count)
    for (range, next) in zip(ranges, ranges.dropFirst()) { #expect(range.upperBound == next.lowerBound) }
    for range in ranges {
        splitOversized += blocks.forEachCandidatePair(in: range) { a, b, _ in split.append(UInt64(a) << 32 | UInt64(b))
        }
    }
    #expect(wholeOversized > 0)
    #expect(split.count == whole.count)
    #expect(split == whole)
    #expect(splitOversized == wholeOversized)
}

/// The pairs of a table of hand-made entries: `(person, name key, day, sub-block)` each, or a mobile's.
private func pairs(_ entries: [(person: Int, key: UInt64, day: Int32, sub: UInt64)], mobiles: [(Int, UInt64)] = [])
    -> (pairs: Set<[Int]>, oversized: Int)
{
    var table = entries.map {
        PackedKey<BlockPerson>.pack(
            MatchBlocks.entryKey(.name, key: $0.key, day: $0.day, sub: $0.sub), UInt64($0.person))
    }
    table += mobiles.map { PackedKey<BlockPerson>.pack(MatchBlocks.entryKey(.mobile, key: $1, day: 0), UInt64($0)) }
    table.sortInPlace()
    let blocks = MatchBlocks(sorted: table)
    var found: Set<[Int]> = []
    let oversized = blocks.forEachCandidatePair(in: 0..<table.count) { a, b, _ in found.insert([a, b].sorted()) }
    return (found, oversized)
}

/// A name block of at most `subBlockAbove` people pairs them all, whatever their sub-blocks; a larger one
/// pairs only the people of one sub-block (the same second letter of the first name's skeleton), on its day
/// and with the same name's sub-block of the day before.
@Test func aLargeNameBlockIsPairedBySubBlocks() {
    let small = (0..<MatchBlocks.subBlockAbove).map {
        (person: $0, key: UInt64(0x21), day: Int32(100), sub: UInt64($0 % 2))
    }
    let smallPairs = pairs(small).pairs
    #expect(smallPairs.count == MatchBlocks.subBlockAbove * (MatchBlocks.subBlockAbove - 1) / 2)

    // One more person: every pair now shares a sub-block.
    let large = (0...MatchBlocks.subBlockAbove).map {
        (person: $0, key: UInt64(0x21), day: Int32(100), sub: UInt64($0 % 2))
    }
    let largePairs = pairs(large).pairs
    #expect(!largePairs.isEmpty)
    #expect(largePairs.allSatisfy { $0[0] % 2 == $0[1] % 2 })
    let half = (MatchBlocks.subBlockAbove + 2) / 2
    let otherHalf = MatchBlocks.subBlockAbove + 1 - half
    #expect(largePairs.count == half * (half - 1) / 2 + otherHalf * (otherHalf - 1) / 2)

    // The day before: a small block of the same name, paired with the large block's matching sub-block only.
    let before = [(person: 100, key: UInt64(0x21), day: Int32(99), sub: UInt64(1))]
    let across = pairs(large + before).pairs.filter { $0.contains(100) }
    #expect(across == Set(large.filter { $0.sub == 1 }.map { [$0.person, 100] }))
}

/// The blocks of a national register: a name block far beyond `maxBlock` whose sub-blocks are small is paired
/// by them, not skipped; a sub-block beyond `maxBlock` is skipped and counted, and so is a mobile's block.
@Test func anOversizedBlockIsPairedByItsSubBlocksAndAnOversizedSubBlockSkipped() {
    let subs = 5
    let wide = (0..<(MatchBlocks.maxBlock * 2)).map {
        (person: $0, key: UInt64(0x42), day: Int32(7), sub: UInt64($0 % subs))
    }
    let paired = pairs(wide)
    #expect(paired.oversized == 0)
    #expect(!paired.pairs.isEmpty && paired.pairs.allSatisfy { $0[0] % subs == $0[1] % subs })
    let deep = (0...MatchBlocks.maxBlock).map { (person: 1_000 + $0, key: UInt64(0x43), day: Int32(7), sub: UInt64(3)) }
    let mobile = (0...MatchBlocks.maxBlock).map { (2_000 + $0, UInt64(555_123_456)) }
    let skipped = pairs(wide + deep, mobiles: mobile)
    #expect(skipped.oversized == 2)
    #expect(skipped.pairs == paired.pairs)
}

/// Mobiles are blocks of their own: two numbers one apart are not neighbours, as two days are.
@Test func mobileBlocksArePairedWithinOnly() {
    let found = pairs([], mobiles: [(1, 555_000_001), (2, 555_000_001), (3, 555_000_002), (4, 555_000_002)]).pairs
    #expect(found == [[1, 2], [3, 4]])
}
