import AbsherRules
import AbsherScan
import AbsherStore

/// Sponsors across rows (contract §4): a resident's sponsor must be one of this run's sponsors or the store's
/// (`sponsor.unknown`); an individual sponsor (an ID starting with 1 or 2) should be a person of this run or
/// of the store (`sponsor.person-unknown`).
enum SponsorRule: CrossRowRule {
    static var asksStore: Bool { true }

    static func judge(_ context: ReconcileContext, store: (any StoreKnowledge)?) throws -> Verdicts {
        var verdicts = Verdicts(files: context.scans.count)
        try residentsSponsors(in: context, store: store, &verdicts)
        try individualSponsors(in: context, store: store, &verdicts)
        return verdicts
    }

    /// `sponsor.unknown`: each sponsor not in this run is asked of the store once.
    private static func residentsSponsors(
        in context: ReconcileContext, store: (any StoreKnowledge)?, _ verdicts: inout Verdicts
    ) throws {
        let runSponsors = context.claims[.sponsor] ?? ClaimTable()
        var storeSponsor: [UInt64: Bool] = [:]
        try context.forEachClaim(of: .resident) { ref, _ in
            let sponsor = context.facts(ref).sponsorID
            guard sponsor != 0, runSponsors.row(of: sponsor) == nil else { return }
            let known: Bool
            if let cached = storeSponsor[sponsor] {
                known = cached
            } else {
                known = try store?.sponsorExists(RowFacts.idText(sponsor)) ?? false
                storeSponsor[sponsor] = known
            }
            if !known {
                verdicts.addToClaim(
                    ref, .sponsorUnknown, field: .sponsorID, value: RowFacts.idText(sponsor),
                    message:
                        "The sponsor \(RowFacts.idText(sponsor)) is neither in this run's sponsors nor in the store.",
                    in: context)
            }
        }
    }

    /// `sponsor.person-unknown`.
    private static func individualSponsors(
        in context: ReconcileContext, store: (any StoreKnowledge)?, _ verdicts: inout Verdicts
    ) throws {
        try context.forEachClaim(of: .sponsor) { ref, id in
            let leading = id / 1_000_000_000
            guard leading == 1 || leading == 2, context.personClaim(id) == nil else { return }
            if try store?.personExists(RowFacts.idText(id)) ?? false { return }
            verdicts.addToClaim(
                ref, .sponsorPersonUnknown, field: .sponsorID, value: RowFacts.idText(id),
                message:
                    "The individual sponsor \(RowFacts.idText(id)) is not a person known in this run or the store.",
                in: context)
        }
    }
}
