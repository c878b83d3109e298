import AbsherSupport

/// The blocks of the matcher (contract §4b): every person under a few keys (the initials of the first and
/// the family name's skeletons with the birth day, in each script the record has, and the mobile), one
/// sorted array of `BlockPerson` entries (8 bytes a key). Candidate pairs are the people of one block, and of
/// a name block and the same name's block of the next day; never all pairs. A block of more than `maxBlock`
/// people is skipped and counted: its key says too little to pair on.
struct MatchBlocks {
    static let maxBlock = 64
    /// The most blocks one person is in (`forEachBlock`): a name block per script and the mobile's.
    static let maxBlocksPerPerson = 3

    enum Kind: UInt64 {
        case name = 0
        case mobile = 2
    }

    private(set) var sorted: [UInt64] = []

    /// Days since 1850, in 17 bits (to 2208).
    @inline(__always) static func dayBits(_ day: Int32) -> UInt64 {
        UInt64(min(max(Int(day) + 43_830, 0), (1 << 17) - 1))
    }

    /// The most people the blocks can tell apart: `BlockPerson` keeps a person's index in 26 bits, which
    /// holds a national register (35M people) with room to spare.
    static let maxPeople = 1 << 26

    /// The 38-bit block of a key (the 38 bits above a `BlockPerson`'s person): the kind in the top two bits,
    /// then for a name block its key (`nameKey`, 17 bits) above the birth day (17 bits), for a mobile block
    /// the 9-digit number (30 bits).
    @inline(__always) static func block(_ kind: Kind, key: UInt64, day: Int32) -> UInt64 {
        kind == .mobile ? kind.rawValue << 36 | key : kind.rawValue << 36 | key << 17 | dayBits(day)
    }

    /// Calls `body` with each block `view` belongs to (nothing allocated): per script, the first and the
    /// family name's skeletons together with the birth day (once when both scripts give the same), and the
    /// mobile.
    @inline(__always) static func forEachBlock(of view: MatchView, _ body: (UInt64) -> Void) {
        forEachBlock(
            day: view.day, mobile: view.mobile, arabic: MatchView.keys(view.arabic),
            english: MatchView.keys(view.english), body)
    }

    /// The same from a person's birth day, mobile and the skeleton keys of their names.
    @inline(__always) static func forEachBlock(
        day: Int32, mobile: UInt32, arabic: (first: UInt64, family: UInt64), english: (first: UInt64, family: UInt64),
        _ body: (UInt64) -> Void
    ) {
        let arabicName = arabic.first == 0 ? 0 : nameKey(arabic.first, arabic.family)
        let englishName = english.first == 0 ? 0 : nameKey(english.first, english.family)
        if arabicName != 0 { body(block(.name, key: arabicName, day: day)) }
        if englishName != 0 && englishName != arabicName { body(block(.name, key: englishName, day: day)) }
        if mobile != 0 { body(block(.mobile, key: UInt64(mobile), day: 0)) }
    }

    /// The first letters of the first and the family name's skeletons in one key: coarse enough that a
    /// transliteration or a slip later in a name keeps it (Jose and Josef Tesfaye, Tesfay), fine enough
    /// with the birth day to keep blocks small.
    @inline(__always) static func nameKey(_ first: UInt64, _ family: UInt64) -> UInt64 {
        initial(first) << 8 | initial(family) | 1 << 16
    }

    @inline(__always) static func initial(_ key: UInt64) -> UInt64 {
        var key = key
        while key > 0xFF { key >>= 8 }
        return key
    }

    /// The blocks of a table of `BlockPerson` entries already sorted (`MatchBuilding`).
    init(sorted: [UInt64]) { self.sorted = sorted }

    /// Up to `count` consecutive ranges of whole blocks that cover the table, for pairing on several threads.
    func parts(_ count: Int) -> [Range<Int>] {
        var bounds = [0]
        for part in 1..<max(count, 1) {
            var index = max(sorted.count * part / count, bounds.last!)
            while index > bounds.last! && index < sorted.count
                && PackedKey<BlockPerson>.high(sorted[index]) == PackedKey<BlockPerson>.high(sorted[index - 1])
            {
                index += 1
            }
            if index > bounds.last! && index < sorted.count { bounds.append(index) }
        }
        bounds.append(sorted.count)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    /// Calls `body` with each candidate pair `(a, b)` of people of the blocks that start in `range` (whole
    /// blocks, `parts`): the people of a block, and of a name block and the same name's block of the day
    /// before. A pair that shares several blocks comes once for each; `sameName` says it comes from a name
    /// block (and so from one birth day or two neighbours). Returns how many blocks were too large to pair on.
    func forEachCandidatePair(in range: Range<Int>, _ body: (_ a: Int, _ b: Int, _ sameName: Bool) -> Void) -> Int {
        forEachCandidateEntryPair(in: range) { body(person($0), person($1), $2) }
    }

    /// The same pairs as `forEachCandidatePair`, as indices of the sorted table (`person` gives the person of
    /// one): both entries of a pair lie in the block being paired or in the one just before it, so a caller
    /// may keep what it reads of the last blocks' people instead of reading it again for every pair.
    func forEachCandidateEntryPair(
        in range: Range<Int>, _ body: (_ i: Int, _ j: Int, _ sameName: Bool) -> Void
    ) -> Int {
        var oversizedBlocks = 0
        var start = range.lowerBound
        var previous = blockBefore(start)
        while start < range.upperBound {
            let block = PackedKey<BlockPerson>.high(sorted[start])
            var end = start + 1
            while end < sorted.count && PackedKey<BlockPerson>.high(sorted[end]) == block { end += 1 }
            if end - start > Self.maxBlock {
                oversizedBlocks += 1
                previous = nil
                start = end
                continue
            }
            let sameName = block >> 38 != Kind.mobile.rawValue
            pairWithin(start..<end) { body($0, $1, sameName) }
            // The same name born the day before (a block of day 0 has none: `block - 1` is another name's).
            if let previous, sameName, block & (1 << 17 - 1) != 0,
                PackedKey<BlockPerson>.high(sorted[previous.lowerBound]) == block - 1
            {
                pairAcross(previous, start..<end) { body($0, $1, true) }
            }
            previous = start..<end
            start = end
        }
        return oversizedBlocks
    }

    /// The block that ends at `index`, nil when there is none or it is too large to pair on.
    private func blockBefore(_ index: Int) -> Range<Int>? {
        guard index > 0 else { return nil }
        let block = PackedKey<BlockPerson>.high(sorted[index - 1])
        var start = index - 1
        while start > 0 && PackedKey<BlockPerson>.high(sorted[start - 1]) == block && index - start <= Self.maxBlock {
            start -= 1
        }
        return index - start > Self.maxBlock ? nil : start..<index
    }

    private func pairWithin(_ range: Range<Int>, _ body: (Int, Int) -> Void) {
        for i in range {
            for j in (i + 1)..<range.upperBound { body(i, j) }
        }
    }

    private func pairAcross(_ left: Range<Int>, _ right: Range<Int>, _ body: (Int, Int) -> Void) {
        for i in left {
            for j in right { body(i, j) }
        }
    }

    @inline(__always) func person(_ index: Int) -> Int { Int(PackedKey<BlockPerson>.low(sorted[index])) }

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
