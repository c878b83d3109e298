import AbsherSupport
import Dispatch
import Synchronization

/// What the matcher counts and blocks before it pairs (contract §4b), built on both cores: each half of the
/// run's people appends its `BlockPerson` entries to one table, a batch at a time, at slots taken from a shared
/// cursor, with its own counts of birth days and name parts; the counts are added and the table sorted on two
/// threads. Entries are distinct, so the sorted table, and all that follows, does not depend on which thread
/// wrote what where.
struct MatchBuilding {
    var blocks: MatchBlocks
    /// How many people were born on each day (`MatchBlocks.dayBits`).
    var dayCounts: [Int32]
    var partCounts: PartCounts

    /// Below this many people one thread does it all.
    static let parallelPeople = 1 << 15
    /// Entries a thread gathers before it takes slots for them.
    static let batch = 4_096

    init(_ people: RunPeople) {
        let count = people.count
        // In the order of their rows, so that each half reads the scans' facts and names straight through.
        let rows = people.personOfEachRow()
        let all = rows.persons.count
        let halves = count < Self.parallelPeople ? [0..<all] : [0..<all / 2, all / 2..<all]
        let counted = ResultBox<(days: [Int32], parts: PartCounts)>(count: halves.count)
        let cursor = SlotCursor()
        // At most this many entries; only the slots written are ever touched, so the rest costs no memory.
        let capacity = count * MatchBlocks.maxBlocksPerPerson
        var table = [UInt64](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            // Every slot is written by the one thread that took it from `cursor`.
            let slots = DisjointSlices(buffer)
            DispatchQueue.concurrentPerform(iterations: halves.count) { half in
                counted.set(half, Self.fill(slots.buffer, cursor: cursor, with: people, rows, halves[half]))
            }
            initialized = cursor.taken
        }
        table.sortInPlaceOnTwoThreads()
        blocks = MatchBlocks(sorted: table)
        let values = counted.values
        dayCounts = values[0].days
        partCounts = values[0].parts
        for other in values.dropFirst() {
            for day in dayCounts.indices { dayCounts[day] += other.days[day] }
            partCounts.merge(other.parts)
        }
    }

    /// Appends the blocks of the people of the rows `range` of `rows` (`RunPeople.personOfEachRow`) to
    /// `table`, with their birth days and name parts counted.
    private static func fill(
        _ table: UnsafeMutableBufferPointer<UInt64>, cursor: SlotCursor, with people: RunPeople,
        _ rows: (persons: [Int32], citizenRows: Int), _ range: Range<Int>
    ) -> (days: [Int32], parts: PartCounts) {
        var days = [Int32](repeating: 0, count: 1 << 17)
        var parts = PartCounts()
        var pending: [UInt64] = []
        pending.reserveCapacity(Self.batch + MatchBlocks.maxBlocksPerPerson)
        people.withNames { citizens, residents in
            for index in range where rows.persons[index] >= 0 {
                let person = Int(rows.persons[index])
                let row = index < rows.citizenRows ? index : index - rows.citizenRows
                let personFacts = people.facts(person, row: row)
                let bytes = index < rows.citizenRows ? citizens : residents
                let arabic = MatchView.keys(UnsafeBufferPointer(rebasing: bytes[personFacts.arabicRange]))
                let english = MatchView.keys(UnsafeBufferPointer(rebasing: bytes[personFacts.englishRange]))
                let day = personFacts.birthDay
                // The mobile is a block; the e-mail is not.
                let mobile = people.mobile(person, row: row)
                MatchBlocks.forEachBlock(day: day, mobile: mobile, arabic: arabic, english: english) { block in
                    pending.append(PackedKey<BlockPerson>.pack(block, UInt64(person)))
                }
                if pending.count >= Self.batch { cursor.write(&pending, into: table) }
                days[Int(MatchBlocks.dayBits(day))] += 1
                parts.add(arabic: arabic, english: english)
            }
        }
        cursor.write(&pending, into: table)
        return (days, parts)
    }
}

/// The next free slot of a table that several threads append to.
private final class SlotCursor: Sendable {
    private let next = Atomic<Int>(0)

    var taken: Int { next.load(ordering: .acquiring) }

    /// Copies `entries` to slots of their own in `table` and empties them.
    func write(_ entries: inout [UInt64], into table: UnsafeMutableBufferPointer<UInt64>) {
        guard !entries.isEmpty else { return }
        let start = next.wrappingAdd(entries.count, ordering: .relaxed).oldValue
        precondition(start + entries.count <= table.count, "more matcher blocks than maxBlocksPerPerson allows")
        entries.withUnsafeBufferPointer { source in
            (table.baseAddress! + start).initialize(from: source.baseAddress!, count: source.count)
        }
        entries.removeAll(keepingCapacity: true)
    }
}
