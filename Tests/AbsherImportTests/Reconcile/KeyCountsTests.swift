import Testing

@testable import AbsherReconcile

/// The matcher's open-addressed counts of name-part keys give what a `Dictionary` gives, through growth and
/// merges.
struct KeyCountsTests {
    /// Keys spread the way skeletons are (up to 8 letter bytes), repeated, from a fixed seed.
    private func keys(_ count: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Few distinct keys among many: most are added again and again, as common names are.
            return (state >> 40) % 5_000 + 1
        }
    }

    @Test func countsAsADictionaryDoes() {
        var counts = KeyCounts()
        var expected: [UInt64: Int32] = [:]
        for key in keys(50_000, seed: 7) {
            counts.add(key)
            expected[key, default: 0] += 1
        }
        #expect(expected.count > 1_024, "the table must have grown past its first size")
        for (key, count) in expected { #expect(counts.count(key) == count) }
        #expect(counts.count(9_999_999) == 0)
    }

    @Test func mergesTwoHalves() {
        var left = KeyCounts()
        var right = KeyCounts()
        var expected: [UInt64: Int32] = [:]
        for (index, key) in keys(20_000, seed: 11).enumerated() {
            if index % 3 == 0 { left.add(key, 2) } else { right.add(key) }
            expected[key, default: 0] += index % 3 == 0 ? 2 : 1
        }
        left.merge(right)
        for (key, count) in expected { #expect(left.count(key) == count) }
    }

    @Test func partCountsKeepTheScriptsApart() {
        var parts = PartCounts()
        parts.add(arabic: (first: 10, family: 20), english: (first: 10, family: 30))
        parts.add(arabic: (first: 0, family: 0), english: (first: 11, family: 20))
        // A key both scripts give is one person's, counted once.
        #expect(parts.count(10, family: false) == 1)
        #expect(parts.count(11, family: false) == 1)
        #expect(parts.count(20, family: true) == 2)
        #expect(parts.count(30, family: true) == 1)
        #expect(parts.count(20, family: false) == 0)
    }
}
