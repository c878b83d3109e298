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
        var blocks = MatchBlocks()
        var dayCounts: [Int32: Int32] = [:]
        for person in 0..<people.count {
            let view = people.view(person)
            blocks.add(person: person, view)
            dayCounts[view.day, default: 0] += 1
        }
        blocks.sort()
        let model = MatchModel(people: people.count, dayCounts: dayCounts.values) { key, family in
            blocks.count(family ? .family : .first, key: key)
        }
        let dismissed = Set(try store?.dismissedPairs() ?? [])
        var found: [PersonMatch] = []
        for pair in blocks.candidatePairs() {
            let a = Int(pair >> 24)
            let b = Int(pair & 0xFF_FFFF)
            guard people.id(a) != people.id(b), let weighed = model.weigh(people.view(a), people.view(b)) else {
                continue
            }
            let score = model.score(weighed.weight)
            guard score >= reportScore else { continue }
            let (first, second) = order(a, b, people)
            let match = PersonMatch(
                record: people.side(first), other: people.side(second), score: score, reasons: weighed.reasons.list)
            if dismissed.contains(DismissedPair(match.record.id, match.other.id)) { continue }
            found.append(match)
            add(match, on: first, people, &verdicts)
            add(match.swapped, on: second, people, &verdicts)
        }
        if let store {
            try StorePeopleMatcher(people: people, blocks: blocks, model: model, dismissed: dismissed).match(store) {
                match, person in
                found.append(match)
                add(match, on: person, people, &verdicts)
            }
        }
        verdicts.matchesFound(found, scans: context.scans, oversizedBlocks: blocks.oversizedBlocks)
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
            message: RuleCode.possibleDuplicateMessage(
                otherID: match.other.id, otherKind: match.other.kind.rawValue, inStore: match.other.fromStore,
                score: match.scoreText, reasons: match.reasons.joined(separator: ",")),
            in: people.context)
    }
}

extension PersonMatch {
    /// The same pair seen from the other record.
    var swapped: PersonMatch { PersonMatch(record: other, other: record, score: score, reasons: reasons) }
}
