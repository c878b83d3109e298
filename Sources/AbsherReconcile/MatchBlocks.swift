import AbsherScan
import AbsherSupport

/// The blocks of the matcher (contract §4b): every person under a few keys (the initials of the first and
/// the family name's skeletons with the birth day, in each script the record has, and the mobile), one
/// sorted array of `BlockPerson` entries (8 bytes a key). Candidate pairs are the people of one block, and of
/// a name block and the same name's block of the next day; never all pairs.
///
/// A name block of more than `subBlockAbove` people (common initials on one day: the blocks of a national
/// register) is paired by sub-blocks, the people whose first name's skeleton has the same second letter
/// (`sub`, below the block's key in each entry, so that a block's sub-blocks lie side by side): its pairs grow
/// with the people of one first name's spelling instead of with everyone's who shares two initials. A block or
/// sub-block of more than `maxBlock` people is skipped and counted: its key says too little to pair on.
struct MatchBlocks {
    static let maxBlock = PersonMatch.blockLimit
    /// Name blocks larger than this are paired by sub-blocks.
    static let subBlockAbove = 24
    /// The most blocks one person is in (`forEachBlock`): a name block per script and the mobile's.
    static let maxBlocksPerPerson = 3

    enum Kind: UInt64 {
        case name = 0
        case mobile = 1
    }

    private(set) var sorted: [UInt64] = []

    /// Days since 1850, in 17 bits (to 2208).
    @inline(__always) static func dayBits(_ day: Int32) -> UInt64 {
        UInt64(min(max(Int(day) + 43_830, 0), (1 << 17) - 1))
    }

    /// The most people the blocks can tell apart: `BlockPerson` keeps a person's index in 26 bits, which
    /// holds a national register (35M people) with room to spare.
    static let maxPeople = 1 << 26

    /// Bits of an entry's 38-bit key below its block: the sub-block.
    static let subBits: UInt64 = 5

    /// The 38-bit key of an entry (the 38 bits above a `BlockPerson`'s person): its block above its sub-block
    /// (`subBits`). A block is the kind in bit 32, then for a name block its key (`nameKey`, 10 bits) above
    /// the birth day (17 bits), for a mobile block the 9-digit number (30 bits) and no sub-block.
    @inline(__always) static func entryKey(_ kind: Kind, key: UInt64, day: Int32, sub: UInt64 = 0) -> UInt64 {
        let block = kind == .mobile ? kind.rawValue << 32 | key : key << 17 | dayBits(day)
        return block << subBits | (kind == .mobile ? 0 : sub)
    }

    /// The block of an entry's 38-bit key.
    @inline(__always) static func block(ofKey key: UInt64) -> UInt64 { key >> subBits }

    @inline(__always) static func isMobile(block: UInt64) -> Bool { block >> 32 == Kind.mobile.rawValue }

    /// Calls `body` with the entry key of each block `view` belongs to (nothing allocated): per script, the
    /// first and the family name's skeletons together with the birth day (once when both scripts give the
    /// same), and the mobile.
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
        let arabicName =
            arabic.first == 0
            ? 0 : entryKey(.name, key: nameKey(arabic.first, arabic.family), day: day, sub: sub(arabic.first))
        let englishName =
            english.first == 0
            ? 0 : entryKey(.name, key: nameKey(english.first, english.family), day: day, sub: sub(english.first))
        if arabicName != 0 { body(arabicName) }
        if englishName != 0 && englishName != arabicName { body(englishName) }
        if mobile != 0 { body(entryKey(.mobile, key: UInt64(mobile), day: 0)) }
    }

    /// The first letters of the first and the family name's skeletons in one key (5 bits each, never 0):
    /// coarse enough that a transliteration or a slip later in a name keeps it (Jose and Josef Tesfaye,
    /// Tesfay), fine enough with the birth day to keep blocks small.
    @inline(__always) static func nameKey(_ first: UInt64, _ family: UInt64) -> UInt64 {
        letter(initial(first)) << 5 | (family == 0 ? 0 : letter(initial(family)))
    }

    /// The sub-block of a first name's skeleton: its second letter (5 bits), 0 when it has one letter.
    @inline(__always) static func sub(_ first: UInt64) -> UInt64 {
        var key = first
        while key > 0xFFFF { key >>= 8 }
        return key > 0xFF ? letter(key & 0xFF) : 0
    }

    @inline(__always) static func initial(_ key: UInt64) -> UInt64 {
        var key = key
        while key > 0xFF { key >>= 8 }
        return key
    }

    /// A skeleton's letter (a Latin class, `a` to `z`) in 5 bits, 1 to 26; any other byte 27 to 31.
    @inline(__always) static func letter(_ byte: UInt64) -> UInt64 {
        byte >= 0x61 && byte <= 0x7A ? byte - 0x60 : 27 + byte % 5
    }

    /// The blocks of a table of `BlockPerson` entries already sorted (`MatchBuilding`).
    init(sorted: [UInt64]) { self.sorted = sorted }

    /// Up to `count` consecutive ranges of whole blocks that cover the table, for pairing on several threads.
    func parts(_ count: Int) -> [Range<Int>] {
        var bounds = [0]
        for part in 1..<max(count, 1) {
            var index = max(sorted.count * part / count, bounds.last!)
            while index > bounds.last! && index < sorted.count
                && blockOf(index) == blockOf(index - 1)
            {
                index += 1
            }
            if index > bounds.last! && index < sorted.count { bounds.append(index) }
        }
        bounds.append(sorted.count)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    /// Calls `body` with each candidate pair `(a, b)` of people of the blocks that start in `range` (whole
    /// blocks, `parts`): the people of a block (of a sub-block, in a large name block), and of a name block and
    /// the same name's block of the day before. A pair that shares several blocks comes once for each;
    /// `sameName` says it comes from a name block (and so from one birth day or two neighbours). Returns how
    /// many blocks (and sub-blocks) were too large to pair on.
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
            let block = blockOf(start)
            var end = start + 1
            while end < sorted.count && blockOf(end) == block { end += 1 }
            let current = start..<end
            let sameName = !Self.isMobile(block: block)
            if !sameName || current.count <= Self.subBlockAbove {
                if current.count > Self.maxBlock {
                    oversizedBlocks += 1
                } else {
                    pairWithin(current) { body($0, $1, sameName) }
                }
            } else {
                forEachSubBlock(of: current) { sub in
                    if sub.count > Self.maxBlock {
                        oversizedBlocks += 1
                    } else {
                        pairWithin(sub) { body($0, $1, true) }
                    }
                }
            }
            // The same name born the day before (a block of day 0 has none: `block - 1` is another name's).
            if let previous, sameName, block & (1 << 17 - 1) != 0, blockOf(previous.lowerBound) == block - 1 {
                if previous.count <= Self.subBlockAbove && current.count <= Self.subBlockAbove {
                    pairAcross(previous, current) { body($0, $1, true) }
                } else {
                    forEachSubBlockPair(previous, current) { left, right in
                        if left.count <= Self.maxBlock && right.count <= Self.maxBlock {
                            pairAcross(left, right) { body($0, $1, true) }
                        }
                    }
                }
            }
            previous = current
            start = end
        }
        return oversizedBlocks
    }

    @inline(__always) private func blockOf(_ index: Int) -> UInt64 {
        Self.block(ofKey: PackedKey<BlockPerson>.high(sorted[index]))
    }

    @inline(__always) private func keyOf(_ index: Int) -> UInt64 { PackedKey<BlockPerson>.high(sorted[index]) }

    /// The runs of equal sub-blocks of a block, in order.
    private func forEachSubBlock(of block: Range<Int>, _ body: (Range<Int>) -> Void) {
        var start = block.lowerBound
        while start < block.upperBound {
            var end = start + 1
            while end < block.upperBound && keyOf(end) == keyOf(start) { end += 1 }
            body(start..<end)
            start = end
        }
    }

    /// The sub-blocks of `left` and `right` (a name's blocks of two days) that have the same sub-key.
    private func forEachSubBlockPair(_ left: Range<Int>, _ right: Range<Int>, _ body: (Range<Int>, Range<Int>) -> Void)
    {
        var leftSubs: [Range<Int>] = []
        forEachSubBlock(of: left) { leftSubs.append($0) }
        var next = 0
        forEachSubBlock(of: right) { sub in
            let subKey = keyOf(sub.lowerBound) & (1 << Self.subBits - 1)
            while next < leftSubs.count && keyOf(leftSubs[next].lowerBound) & (1 << Self.subBits - 1) < subKey {
                next += 1
            }
            if next < leftSubs.count && keyOf(leftSubs[next].lowerBound) & (1 << Self.subBits - 1) == subKey {
                body(leftSubs[next], sub)
            }
        }
    }

    /// The block that ends at `index`, nil when there is none.
    private func blockBefore(_ index: Int) -> Range<Int>? {
        guard index > 0 else { return nil }
        let block = blockOf(index - 1)
        var start = index - 1
        while start > 0 && blockOf(start - 1) == block { start -= 1 }
        return start..<index
    }

    /// Each pair of the entries of `range`, the one of the smaller person first: the order of a block sorted by
    /// person alone, whatever its sub-blocks (`MatchModel.weigh` is not symmetric in every detail).
    private func pairWithin(_ range: Range<Int>, _ body: (Int, Int) -> Void) {
        for i in range {
            for j in (i + 1)..<range.upperBound {
                if person(i) < person(j) { body(i, j) } else { body(j, i) }
            }
        }
    }

    private func pairAcross(_ left: Range<Int>, _ right: Range<Int>, _ body: (Int, Int) -> Void) {
        for i in left {
            for j in right { body(i, j) }
        }
    }

    /// The entries of the table.
    var entryCount: Int { sorted.count }

    @inline(__always) func person(_ index: Int) -> Int { Int(PackedKey<BlockPerson>.low(sorted[index])) }

    /// The people of the blocks of `view` (a store person) and of its name blocks a day before and after, by
    /// the same rule as `forEachCandidateEntryPair` (in a large block, the view's sub-block only), skipping
    /// oversized blocks; a person may come more than once.
    func candidates(of view: MatchView, _ body: (Int) -> Void) {
        Self.forEachBlock(of: view) { key in
            let block = Self.block(ofKey: key)
            let isMobile = Self.isMobile(block: block)
            let sub = key & (1 << Self.subBits - 1)
            for day in isMobile ? block...block : (block &- 1)...(block + 1) {
                let low = PackedKey<BlockPerson>.lowerBound(of: day << Self.subBits, in: sorted)
                let high = PackedKey<BlockPerson>.lowerBound(of: (day + 1) << Self.subBits, in: sorted)
                var range = low..<high
                if !isMobile && range.count > Self.subBlockAbove {
                    let subLow = PackedKey<BlockPerson>.lowerBound(of: day << Self.subBits | sub, in: sorted)
                    let subHigh = PackedKey<BlockPerson>.lowerBound(of: day << Self.subBits | sub + 1, in: sorted)
                    range = subLow..<subHigh
                }
                if range.count > Self.maxBlock { continue }
                for index in range { body(person(index)) }
            }
        }
    }
}
