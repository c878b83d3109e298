import AbsherSupport

/// The blocks of the matcher (contract §4b): every person under a few keys (the skeleton of the first name
/// and of the family name, each with the birth day, in each script the record has, and the mobile), one
/// sorted array of `BlockPerson` entries (8 bytes a key). Candidate pairs are the people of one block, and of
/// a name block and the same name's block of the next day; never all pairs. A block of more than `maxBlock`
/// people is skipped and counted: its key says too little to pair on.
struct MatchBlocks {
    static let maxBlock = 64

    enum Kind: UInt64 {
        case first = 0
        case family = 1
        case mobile = 2
    }

    private(set) var sorted: [UInt64] = []

    /// Days since 1850, in 17 bits (to 2208).
    @inline(__always) static func dayBits(_ day: Int32) -> UInt64 {
        UInt64(min(max(Int(day) + 43_830, 0), (1 << 17) - 1))
    }

    @inline(__always) static func hashBits(_ key: UInt64) -> UInt64 { (key &* 0x9E37_79B9_7F4A_7C15) >> 43 }

    /// The 40-bit block of a key.
    @inline(__always) static func block(_ kind: Kind, key: UInt64, day: Int32) -> UInt64 {
        kind == .mobile ? kind.rawValue << 38 | key : kind.rawValue << 38 | hashBits(key) << 17 | dayBits(day)
    }

    /// Calls `body` with each block `view` belongs to (nothing allocated).
    @inline(__always) static func forEachBlock(of view: MatchView, _ body: (UInt64) -> Void) {
        let arabic = MatchView.keys(view.arabic)
        let english = MatchView.keys(view.english)
        if arabic.first != 0 { body(block(.first, key: arabic.first, day: view.day)) }
        if english.first != 0 && english.first != arabic.first {
            body(block(.first, key: english.first, day: view.day))
        }
        if arabic.family != 0 { body(block(.family, key: arabic.family, day: view.day)) }
        if english.family != 0 && english.family != arabic.family {
            body(block(.family, key: english.family, day: view.day))
        }
        if view.mobile != 0 { body(block(.mobile, key: UInt64(view.mobile), day: 0)) }
    }

    mutating func add(person: Int, _ view: MatchView) {
        Self.forEachBlock(of: view) { sorted.append(PackedKey<BlockPerson>.pack($0, UInt64(person))) }
    }

    mutating func sort() { sorted.sortInPlace() }

    /// How many entries have this name key, whatever their day (the name's frequency).
    func count(_ kind: Kind, key: UInt64) -> Int {
        let low = PackedKey<BlockPerson>.lowerBound(of: Self.block(kind, key: key, day: -43_830), in: sorted)
        let high = PackedKey<BlockPerson>.lowerBound(of: Self.block(kind, key: key, day: .max) + 1, in: sorted)
        return high - low
    }

    /// Calls `body` with each candidate pair `(i, j)`, `i < j`: the people of a block, and of a name block and
    /// the same name's block of the day before. A pair that shares several blocks comes once for each.
    /// Returns how many blocks were too large to pair on.
    func forEachCandidatePair(_ body: (Int, Int) -> Void) -> Int {
        var oversizedBlocks = 0
        var start = 0
        var previous: Range<Int>?
        while start < sorted.count {
            let block = PackedKey<BlockPerson>.high(sorted[start])
            var end = start + 1
            while end < sorted.count && PackedKey<BlockPerson>.high(sorted[end]) == block { end += 1 }
            if end - start > Self.maxBlock {
                oversizedBlocks += 1
                previous = nil
                start = end
                continue
            }
            pairWithin(start..<end, body)
            // The same name born the day before.
            if let previous, block >> 38 != Kind.mobile.rawValue,
                PackedKey<BlockPerson>.high(sorted[previous.lowerBound]) == block - 1
            {
                pairAcross(previous, start..<end, body)
            }
            previous = start..<end
            start = end
        }
        return oversizedBlocks
    }

    private func pairWithin(_ range: Range<Int>, _ body: (Int, Int) -> Void) {
        for i in range {
            for j in (i + 1)..<range.upperBound { body(person(i), person(j)) }
        }
    }

    private func pairAcross(_ left: Range<Int>, _ right: Range<Int>, _ body: (Int, Int) -> Void) {
        for i in left {
            for j in right { body(person(i), person(j)) }
        }
    }

    @inline(__always) func person(_ index: Int) -> Int { Int(PackedKey<BlockPerson>.low(sorted[index])) }

    @inline(__always) static func pair(_ a: Int, _ b: Int) -> UInt64 {
        a < b ? UInt64(a) << 24 | UInt64(b) : UInt64(b) << 24 | UInt64(a)
    }

    /// The people of the blocks of `view` (a store person) and of its name blocks a day before and after,
    /// skipping oversized blocks; a person may come more than once.
    func candidates(of view: MatchView, _ body: (Int) -> Void) {
        Self.forEachBlock(of: view) { block in
            let isMobile = block >> 38 == Kind.mobile.rawValue
            for day in isMobile ? block...block : (block &- 1)...(block + 1) {
                let low = PackedKey<BlockPerson>.lowerBound(of: day, in: sorted)
                let high = PackedKey<BlockPerson>.lowerBound(of: day + 1, in: sorted)
                if high - low > Self.maxBlock { continue }
                for index in low..<high { body(person(index)) }
            }
        }
    }
}
