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
    static var usesEveryCore: Bool { true }

    /// At or above this score a pair is reported.
    static let reportScore = 0.5

    static func judge(_ context: ReconcileContext, store: (any StoreKnowledge)?) throws -> Verdicts {
        var verdicts = Verdicts(files: context.scans.count)
        guard context.options.matchesPeople, context.personCount > 0, context.personCount <= MatchBlocks.maxPeople
        else {
            return verdicts
        }
        let people = RunPeople(context)
        let dismissed = Set(try store?.dismissedPairs() ?? [])
        let pairs = try pairs(of: people, store: store, dismissed: dismissed)
        var found: [PersonMatch] = []
        for pair in pairs.run {
            let match = pair.match(people)
            if dismissed.contains(DismissedPair(match.record.id, match.other.id)) { continue }
            found.append(match)
            add(match, on: pair.first, people, &verdicts)
            add(match.swapped, on: pair.second, people, &verdicts)
        }
        for (match, person) in pairs.store {
            found.append(match)
            add(match, on: person, people, &verdicts)
        }
        verdicts.matchesFound(found, scans: context.scans, oversizedBlocks: pairs.oversizedBlocks)
        PhaseClock.mark("matcher: \(found.count) pairs as findings")
        return verdicts
    }

    /// The pairs among the run's people, and those of a run person with a store person (dismissed ones left
    /// out). The blocks are let go before the pairs become matches and findings, which would otherwise be in
    /// memory with them.
    private static func pairs(of people: RunPeople, store: (any StoreKnowledge)?, dismissed: Set<DismissedPair>)
        throws -> (run: [MatchPairing.Found], store: [(PersonMatch, Int)], oversizedBlocks: Int)
    {
        let building = MatchBuilding(people)
        PhaseClock.mark("matcher: \(building.blocks.sorted.count) block entries of \(people.count) people")
        let partCounts = building.partCounts
        let model = MatchModel(people: people.count, dayCounts: building.dayCounts.lazy.filter { $0 > 1 }) {
            key, family in partCounts.count(key, family: family)
        }
        let pairing = MatchPairing(people, blocks: building.blocks, model: model)
        PhaseClock.mark(
            "matcher: \(people.count) people, \(pairing.candidates) candidate pairs, \(pairing.weighed) weighed, "
                + "\(pairing.oversizedBlocks) oversized blocks skipped")
        var storePairs: [(PersonMatch, Int)] = []
        if let store {
            let matcher = StorePeopleMatcher(
                people: people, blocks: building.blocks, model: model, dismissed: dismissed)
            try matcher.match(store) { match, person in storePairs.append((match, person)) }
            PhaseClock.mark("matcher: the store's people paired (\(storePairs.count) pairs)")
        }
        return (pairing.found, storePairs, pairing.oversizedBlocks)
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
