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
        guard context.options.matchesPeople, context.personCount > 0, context.personCount < 1 << 24 else {
            return verdicts
        }
        let people = RunPeople(context)
        let building = MatchBuilding(people)
        let partCounts = building.partCounts
        let model = MatchModel(people: people.count, dayCounts: building.dayCounts.lazy.filter { $0 > 1 }) {
            key, family in partCounts.count(key, family: family)
        }
        let dismissed = Set(try store?.dismissedPairs() ?? [])
        let pairing = MatchPairing(people, blocks: building.blocks, model: model)
        var found: [PersonMatch] = []
        for pair in pairing.found where !dismissed.contains(DismissedPair(pair.match.record.id, pair.match.other.id)) {
            found.append(pair.match)
            add(pair.match, on: pair.first, people, &verdicts)
            add(pair.match.swapped, on: pair.second, people, &verdicts)
        }
        let oversizedBlocks = pairing.oversizedBlocks
        PhaseClock.mark(
            "matcher: \(people.count) people, \(pairing.candidates) candidate pairs, \(pairing.weighed) weighed, "
                + "\(oversizedBlocks) oversized blocks skipped")
        if let store {
            try StorePeopleMatcher(people: people, blocks: building.blocks, model: model, dismissed: dismissed).match(
                store
            ) {
                match, person in
                found.append(match)
                add(match, on: person, people, &verdicts)
            }
        }
        verdicts.matchesFound(found, scans: context.scans, oversizedBlocks: oversizedBlocks)
        return verdicts
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
