import Testing

@testable import AbsherReconcile

/// `forEachMember` gives exactly the indexes inserted, ascending, across word boundaries and at both ends.
@Test func bitSetGivesItsMembersAscending() {
    var generator = SystemRandomNumberGenerator()
    let count = 10_007
    var members = Set((0..<3_000).map { _ in Int.random(in: 0..<count, using: &generator) })
    members.formUnion([0, 63, 64, 127, count - 1])
    var bits = BitSet(count: count)
    for index in members.shuffled() { bits.insert(index) }
    var given: [Int] = []
    bits.forEachMember { given.append($0) }
    #expect(given == members.sorted())
    #expect(given.allSatisfy { bits.contains($0) })
    var none: [Int] = []
    BitSet(count: 5).forEachMember { none.append($0) }
    #expect(none.isEmpty)
}
