/// What the pairing reads of the people of the blocks being paired (`MatchBlocks.forEachCandidateEntryPair`):
/// each entry's birth day and names as `QuickVeto` reads them (plain values: pointers into the scans' name
/// bytes, held alive by `RunPeople.withNames`), read once for all the pairs the entry is in rather than once a
/// pair. Both entries of a pair lie in the block being paired or the one before it (at most
/// `2 * MatchBlocks.maxBlock` consecutive entries), so slots indexed by the entry's low bits never hold two
/// entries needed at once.
struct PairingSides {
    struct Side {
        var entry: Int
        var person: Int
        var day: Int32
        var names: QuickVeto.Names
    }

    private static let slotBits = 8
    private let people: RunPeople
    private let blocks: MatchBlocks
    private let citizens: UnsafeBufferPointer<UInt8>
    private let residents: UnsafeBufferPointer<UInt8>
    private var slots: [Side?]

    /// Sides read from `people`'s names, `citizens` and `residents` (`RunPeople.withNames`), which must outlive
    /// this value.
    init(
        _ people: RunPeople, blocks: MatchBlocks, citizens: UnsafeBufferPointer<UInt8>,
        residents: UnsafeBufferPointer<UInt8>
    ) {
        precondition(2 * MatchBlocks.maxBlock <= 1 << Self.slotBits, "pairing slots fewer than two blocks")
        self.people = people
        self.blocks = blocks
        self.citizens = citizens
        self.residents = residents
        slots = Array(repeating: nil, count: 1 << Self.slotBits)
    }

    /// How far ahead of the entry being read the next ones are asked for, an entry a stage
    /// (`RunPeople.prefetch`): each read of a person is three loads at random, one after the other.
    private static let lookAhead = 12
    /// The next entry whose first stage is to be asked for.
    private var lookedAhead = 0

    /// The side of the table's entry `entry`, read the first time it is asked.
    mutating func side(_ entry: Int) -> Side {
        let slot = entry & (1 << Self.slotBits - 1)
        if let side = slots[slot], side.entry == entry { return side }
        prefetch(after: entry)
        let person = blocks.person(entry)
        let read = people.vetoSide(person, citizens: citizens, residents: residents)
        let side = Side(entry: entry, person: person, day: read.day, names: read.names)
        slots[slot] = side
        return side
    }

    /// Asks for the stages of the entries after `entry`: the person `lookAhead` entries on gets its names'
    /// bytes, the one twice as far its facts, the one three times as far its claim. Entries are read in
    /// ascending order (a block, then the next), mostly one after another.
    private mutating func prefetch(after entry: Int) {
        let distance = Self.lookAhead
        let target = min(entry + 3 * distance, blocks.entryCount)
        if lookedAhead < entry { lookedAhead = entry }
        while lookedAhead < target {
            let ahead = lookedAhead
            people.prefetch(blocks.person(ahead), stage: 0, citizens: citizens, residents: residents)
            if ahead - distance > entry {
                people.prefetch(blocks.person(ahead - distance), stage: 1, citizens: citizens, residents: residents)
            }
            if ahead - 2 * distance > entry {
                people.prefetch(blocks.person(ahead - 2 * distance), stage: 2, citizens: citizens, residents: residents)
            }
            lookedAhead += 1
        }
    }
}
