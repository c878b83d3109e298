import AbsherScan
import AbsherSupport
import Dispatch

/// The run's candidate pairs weighed (contract §4b), the blocks split into whole-block parts that the
/// cores weigh side by side. The pairs come out in the order one thread would find them: each part's in
/// block order, parts in table order, a pair found again in a later part left out.
struct MatchPairing {
    /// A pair at or above `PossibleDuplicateRule.reportScore`, its run records listed first and second: a few
    /// bytes, the `PersonMatch` (with its text) made only once the parts are put together (`match`).
    struct Found: Sendable {
        var first: Int
        var second: Int
        var score: Double
        var reasons: MatchReasons

        func match(_ people: RunPeople) -> PersonMatch {
            PersonMatch(record: people.side(first), other: people.side(second), score: score, reasons: reasons.list)
        }
    }

    /// How many parts the table is weighed in.
    static let parts = 16

    private(set) var found: [Found] = []
    private(set) var candidates = 0
    private(set) var weighed = 0
    private(set) var oversizedBlocks = 0

    init(_ people: RunPeople, blocks: MatchBlocks, model: MatchModel) {
        // Many parts, not two: the name blocks, where the pairs are, fill the front of the table; the cores
        // take the parts as they come free.
        let parts = blocks.parts(people.count < MatchBuilding.parallelPeople ? 1 : Self.parts)
        let results = ResultBox<MatchPairing>(count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { part in
            results.set(part, MatchPairing(people, blocks: blocks, model: model, part: parts[part]))
        }
        var reported: Set<UInt64> = []
        for result in results.values {
            candidates += result.candidates
            weighed += result.weighed
            oversizedBlocks += result.oversizedBlocks
            for pair in result.found where reported.insert(Self.key(pair.first, pair.second)).inserted {
                found.append(pair)
            }
        }
    }

    /// The pairs of the blocks of one part, weighed once each.
    private init(_ people: RunPeople, blocks: MatchBlocks, model: MatchModel, part: Range<Int>) {
        self = people.withNames { citizens, residents in
            var pairing = MatchPairing()
            var sides = PairingSides(people, blocks: blocks, citizens: citizens, residents: residents)
            var weighedPairs: Set<UInt64> = []
            pairing.oversizedBlocks = blocks.forEachCandidateEntryPair(in: part) { i, j, sameName in
                pairing.candidates += 1
                let sideA = sides.side(i)
                let sideB = sides.side(j)
                // A person whose two scripts give one block with two sub-blocks is in it twice.
                guard sideA.person != sideB.person else { return }
                // People of one name block were born on its day or the day before: only a mobile's block needs
                // the look at the days.
                guard sameName || abs(Int(sideA.day) - Int(sideB.day)) <= 1 else { return }
                let a = sideA.person
                let b = sideB.person
                let look = QuickVeto.look(sideA.names, sideB.names)
                guard
                    look == .kept || (look == .keptIfSharingContact && people.sharesContact(a, b)),
                    weighedPairs.insert(Self.key(a, b)).inserted, people.id(a) != people.id(b)
                else { return }
                // The contacts read only for a pair the dates and names leave standing: most are another person.
                var viewA = people.view(a, withContacts: false)
                var viewB = people.view(b, withContacts: false)
                guard var weight = model.weighWithoutContacts(viewA, viewB) else { return }
                people.addContacts(of: a, to: &viewA)
                people.addContacts(of: b, to: &viewB)
                model.addContacts(viewA, viewB, to: &weight)
                let score = model.score(weight.weight)
                guard score >= PossibleDuplicateRule.reportScore else { return }
                let (first, second) = Self.order(a, b, people)
                pairing.found.append(Found(first: first, second: second, score: score, reasons: weight.reasons))
            }
            pairing.weighed = weighedPairs.count
            return pairing
        }
    }

    private init() {}

    /// One key for the pair whichever way round it came.
    @inline(__always) static func key(_ a: Int, _ b: Int) -> UInt64 {
        a < b ? UInt64(a) << 32 | UInt64(b) : UInt64(b) << 32 | UInt64(a)
    }

    /// Citizen before resident, then the smaller ID: the record listed first of a pair of this run.
    private static func order(_ a: Int, _ b: Int, _ people: RunPeople) -> (Int, Int) {
        let kindA = people.kind(a)
        let kindB = people.kind(b)
        if kindA != kindB { return kindA == .citizen ? (a, b) : (b, a) }
        return people.id(a) < people.id(b) ? (a, b) : (b, a)
    }
}
