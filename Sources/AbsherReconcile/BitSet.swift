/// A fixed number of bits, all clear at first: one per element of an array the caller indexes.
struct BitSet: Sendable {
    private var words: [UInt64]

    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    mutating func insert(_ index: Int) {
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    func contains(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Calls `body` with each index in the set, ascending.
    func forEachMember(_ body: (Int) -> Void) {
        for (wordIndex, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                body(wordIndex << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
    }
}
