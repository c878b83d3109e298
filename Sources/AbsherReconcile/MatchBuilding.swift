import AbsherSupport
import Dispatch

/// What the matcher counts and blocks before it pairs (contract §4b), built on both cores: each half of the
/// run's people fills its own region of one table of `BlockPerson` entries, with its own counts of birth days
/// and name parts; the counts are added, and the table sorted on two threads. The
/// result does not depend on how the people were split.
struct MatchBuilding {
    var blocks: MatchBlocks
    /// How many people were born on each day (`MatchBlocks.dayBits`).
    var dayCounts: [Int32]
    var partCounts: PartCounts

    /// Below this many people one thread does it all.
    static let parallelPeople = 1 << 15

    init(_ people: RunPeople) {
        let count = people.count
        let halves = count < Self.parallelPeople ? [0..<count] : [0..<count / 2, count / 2..<count]
        // Counted first, so that the table is allocated once at its size (it is at the run's memory peak).
        let sizes = ResultBox<Int>(count: halves.count)
        DispatchQueue.concurrentPerform(iterations: halves.count) { half in
            sizes.set(half, Self.blockCount(of: people, halves[half]))
        }
        let starts = sizes.values.reduce(into: [0]) { $0.append($0.last! + $1) }
        let counted = ResultBox<(days: [Int32], parts: PartCounts)>(count: halves.count)
        let table = [UInt64](unsafeUninitializedCapacity: starts.last!) { buffer, initialized in
            // Half `h` writes only from `starts[h]` to `starts[h + 1]`.
            let regions = DisjointSlices(buffer)
            DispatchQueue.concurrentPerform(iterations: halves.count) { half in
                counted.set(half, Self.fill(regions.buffer, from: starts[half], with: people, halves[half]))
            }
            initialized = starts.last!
        }
        var sorted = table
        sorted.sortInPlaceOnTwoThreads()
        blocks = MatchBlocks(sorted: sorted)
        let values = counted.values
        dayCounts = values[0].days
        partCounts = values[0].parts
        for other in values.dropFirst() {
            for day in dayCounts.indices { dayCounts[day] += other.days[day] }
            partCounts.merge(other.parts)
        }
    }

    /// How many blocks the people of `range` are in.
    private static func blockCount(of people: RunPeople, _ range: Range<Int>) -> Int {
        var count = 0
        for person in range {
            let view = people.view(person, withEmail: false)
            MatchBlocks.forEachBlock(of: view) { _ in count += 1 }
        }
        return count
    }

    /// The blocks of the people of `range`, from `start` on, with their birth days and name parts counted.
    private static func fill(
        _ table: UnsafeMutableBufferPointer<UInt64>, from start: Int, with people: RunPeople, _ range: Range<Int>
    ) -> (days: [Int32], parts: PartCounts) {
        var next = start
        var days = [Int32](repeating: 0, count: 1 << 17)
        var parts = PartCounts()
        for person in range {
            let view = people.view(person, withEmail: false)
            let arabic = MatchView.keys(view.arabic)
            let english = MatchView.keys(view.english)
            MatchBlocks.forEachBlock(of: view, arabic: arabic, english: english) { block in
                (table.baseAddress! + next).initialize(to: PackedKey<BlockPerson>.pack(block, UInt64(person)))
                next += 1
            }
            days[Int(MatchBlocks.dayBits(view.day))] += 1
            parts.add(arabic: arabic, english: english)
        }
        return (days, parts)
    }
}
