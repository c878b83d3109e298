import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// One person under two IDs (contract §4b): pairs of person records with different IDs, among this run's
/// claiming citizens and residents and, for `run`, the store's active people, that the `MatchModel` finds
/// probably one person. Each pair is a `PersonMatch` on the scan of its run record and a
/// `person.possible-duplicate` warning on the run record's row (on both rows when both are this run's), its
/// value the other ID. Candidates come from `MatchBlocks`, never from all pairs; dismissed pairs are skipped.
enum PossibleDuplicateRule: CrossRowRule {
    static var asksStore: Bool { true }

    /// At or above this score a pair is reported.
    static let reportScore = 0.5

    static func judge(_ context: ReconcileContext, store: (any StoreKnowledge)?) throws -> Verdicts {
        var verdicts = Verdicts(files: context.scans.count)
        guard context.options.matchesPeople, context.personCount > 0, context.personCount < 1 << 24 else {
            return verdicts
        }
        let people = RunPeople(context)
        var building = MatchBlocks()
        var dayCounts = [Int32](repeating: 0, count: 1 << 17)
        var partCounts = PartCounts()
        building.reserve(people.count * 2)
        for person in 0..<people.count {
            let view = people.view(person, withEmail: false)
            let arabic = MatchView.keys(view.arabic)
            let english = MatchView.keys(view.english)
            building.add(person: person, view, arabic: arabic, english: english)
            dayCounts[Int(MatchBlocks.dayBits(view.day))] += 1
            partCounts.add(arabic: arabic, english: english)
        }
        building.sort()
        let blocks = building
        let model = MatchModel(people: people.count, dayCounts: dayCounts.lazy.filter { $0 > 1 }) { key, family in
            partCounts.count(key, family: family)
        }
        let dismissed = Set(try store?.dismissedPairs() ?? [])
        var found: [PersonMatch] = []
        var weighed: Set<UInt64> = []
        var candidates = 0
        let oversizedBlocks = blocks.forEachCandidatePair { a, b in
            candidates += 1
            guard abs(Int(people.day(a)) - Int(people.day(b))) <= 1 else { return }
            var viewA = people.view(a, withEmail: false)
            var viewB = people.view(b, withEmail: false)
            guard
                !QuickVeto.rulesOut(
                    viewA, viewB, sharesEmail: { people.email(a) != 0 && people.email(a) == people.email(b) }),
                weighed.insert(UInt64(a) << 32 | UInt64(b)).inserted, people.id(a) != people.id(b)
            else { return }
            viewA.email = people.email(a)
            viewB.email = people.email(b)
            guard let weight = model.weigh(viewA, viewB) else { return }
            let score = model.score(weight.weight)
            guard score >= reportScore else { return }
            let (first, second) = order(a, b, people)
            let match = PersonMatch(
                record: people.side(first), other: people.side(second), score: score, reasons: weight.reasons.list)
            if dismissed.contains(DismissedPair(match.record.id, match.other.id)) { return }
            found.append(match)
            add(match, on: first, people, &verdicts)
            add(match.swapped, on: second, people, &verdicts)
        }
        PhaseClock.mark(
            "matcher: \(people.count) people, \(candidates) candidate pairs, \(weighed.count) weighed, "
                + "\(oversizedBlocks) oversized blocks skipped")
        if let store {
            try StorePeopleMatcher(people: people, blocks: blocks, model: model, dismissed: dismissed).match(store) {
                match, person in
                found.append(match)
                add(match, on: person, people, &verdicts)
            }
        }
        verdicts.matchesFound(found, scans: context.scans, oversizedBlocks: oversizedBlocks)
        return verdicts
    }

    /// Citizen before resident, then the smaller ID: the record listed first of a pair of this run.
    private static func order(_ a: Int, _ b: Int, _ people: RunPeople) -> (Int, Int) {
        let kindA = people.kind(a)
        let kindB = people.kind(b)
        if kindA != kindB { return kindA == .citizen ? (a, b) : (b, a) }
        return people.id(a) < people.id(b) ? (a, b) : (b, a)
    }

    private static func add(_ match: PersonMatch, on person: Int, _ people: RunPeople, _ verdicts: inout Verdicts) {
        verdicts.addToClaim(
            people.ref(person), .personPossibleDuplicate, field: nil, value: match.other.id,
            message: FindingMessage(
                match.other.fromStore ? .personPossibleDuplicateInStore : .personPossibleDuplicate,
                .term(match.other.kind == .citizen ? .theCitizen : .theResident), .id(match.other.id),
                .text(match.scoreText), .code(match.reasons.joined(separator: ","))),
            in: people.context)
    }
}

extension PersonMatch {
    /// The same pair seen from the other record.
    var swapped: PersonMatch { PersonMatch(record: other, other: record, score: score, reasons: reasons) }
}
