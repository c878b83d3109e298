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
        let name = UInt64.random(in: 0..<40, using: &generator)
        let day = UInt64.random(in: 0..<30, using: &generator)
        let block = name << 17 | day
        entries.append(PackedKey<BlockPerson>.pack(block, UInt64(person)))
        if person % 7 == 0 {
            // A large block of one mobile.
            entries.append(PackedKey<BlockPerson>.pack(MatchBlocks.Kind.mobile.rawValue << 38 | 5, UInt64(person)))
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
