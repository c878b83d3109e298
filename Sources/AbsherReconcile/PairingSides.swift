import AbsherScan
import CPrefetch

/// What the pairing reads of the people of the blocks being paired (`MatchBlocks.forEachCandidateEntryPair`):
/// each entry's birth day and names as `QuickVeto` reads them (plain values: pointers into the scans' name
/// bytes and the facts in person order, held alive by the caller), read once for all the pairs the entry is
/// in rather than once a pair. Both entries of a pair lie in the block being paired or the one before it (at
/// most `2 * MatchBlocks.maxBlock` consecutive entries), so slots indexed by the entry's low bits never hold
/// two entries needed at once.
struct PairingSides {
    struct Side {
        var entry: Int
        var person: Int
        var day: Int32
        var names: QuickVeto.Names
    }

    /// The tables a side is read from, all read in place: a copy of one would cost a reference count an
    /// entry, more than a person's read.
    struct Tables {
        /// The blocks' sorted entries (`MatchBlocks.sorted`).
        var entries: UnsafeBufferPointer<UInt64>
        /// Each person's facts, in person order (`MatchBuilding.facts`).
        var facts: UnsafeBufferPointer<PersonFacts>
        /// The normalised names of citizens.csv and residents.csv (`RunPeople.withNames`).
        var citizens: UnsafeBufferPointer<UInt8>
        var residents: UnsafeBufferPointer<UInt8>
        /// People below this index are citizens.csv's.
        var citizenCount: Int

        @inline(__always) func person(_ entry: Int) -> Int { Int(PackedKey<BlockPerson>.low(entries[entry])) }

        @inline(__always) func names(of person: Int) -> UnsafeBufferPointer<UInt8> {
            person < citizenCount ? citizens : residents
        }
    }

    private static let slotBits = 8
    private let tables: Tables
    private var slots: [Side?]

    /// Sides read from `tables`, which must outlive this value.
    init(_ tables: Tables) {
        precondition(2 * MatchBlocks.maxBlock <= 1 << Self.slotBits, "pairing slots fewer than two blocks")
        self.tables = tables
        slots = Array(repeating: nil, count: 1 << Self.slotBits)
    }

    /// How far ahead of the entry being read the next ones are asked for, an entry a stage (`prefetch`): each
    /// read of a person is two loads at random, one after the other.
    private static let lookAhead = 12
    /// The next entry whose first stage is to be asked for.
    private var lookedAhead = 0

    /// The side of the table's entry `entry`, read the first time it is asked.
    mutating func side(_ entry: Int) -> Side {
        let slot = entry & (1 << Self.slotBits - 1)
        if let side = slots[slot], side.entry == entry { return side }
        prefetch(after: entry)
        let person = tables.person(entry)
        let facts = tables.facts[person]
        let bytes = tables.names(of: person)
        let names = QuickVeto.Names(
            arabic: UnsafeBufferPointer(rebasing: bytes[facts.arabicRange]),
            english: UnsafeBufferPointer(rebasing: bytes[facts.englishRange]))
        let side = Side(entry: entry, person: person, day: facts.birthDay, names: names)
        slots[slot] = side
        return side
    }

    /// Asks for the stages of the entries after `entry`: the person `lookAhead` entries on gets its facts, the
    /// one twice as far the first bytes of its names (reading the facts). Entries are read in ascending order
    /// (a block, then the next), mostly one after another. A hint: nothing is changed.
    private mutating func prefetch(after entry: Int) {
        let distance = Self.lookAhead
        let target = min(entry + 2 * distance, tables.entries.count)
        if lookedAhead < entry { lookedAhead = entry }
        while lookedAhead < target {
            let ahead = lookedAhead
            absher_prefetch(tables.facts.baseAddress! + tables.person(ahead))
            if ahead - distance > entry {
                let person = tables.person(ahead - distance)
                let offset = Int(tables.facts[person].names)
                let bytes = tables.names(of: person)
                if offset < bytes.count { absher_prefetch(bytes.baseAddress! + offset) }
            }
            lookedAhead += 1
        }
    }
}
