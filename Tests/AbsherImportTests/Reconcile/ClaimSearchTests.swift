import Testing

@testable import AbsherReconcile

/// The matcher's search of a claim table for each of the store's people (`StorePeopleMatcher.contains`):
/// the same answer as a set, for IDs spread evenly and for IDs bunched at one end.
struct ClaimSearchTests {
    @Test(arguments: [false, true])
    func interpolationSearchFindsExactlyTheClaimedIDs(bunched: Bool) {
        var generator = SystemRandomNumberGenerator()
        var ids = Set<UInt64>()
        while ids.count < 5_000 {
            let id =
                bunched
                ? 1_000_000_000 + UInt64.random(in: 0..<20_000, using: &generator)
                : UInt64.random(in: 1_000_000_000..<2_000_000_000, using: &generator)
            ids.insert(id)
        }
        let claims = ids.sorted().enumerated().map { ClaimTable.pack(id: $0.element, row: $0.offset) }
        for id in ids.prefix(500) { #expect(StorePeopleMatcher.contains(id, in: claims)) }
        var absent = 0
        while absent < 500 {
            let id = UInt64.random(in: 999_999_000..<2_000_001_000, using: &generator)
            if ids.contains(id) { continue }
            #expect(!StorePeopleMatcher.contains(id, in: claims))
            absent += 1
        }
        #expect(!StorePeopleMatcher.contains(1_000_000_000, in: []))
    }
}
