import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore

/// Sponsors across rows (contract §4): a resident's sponsor must be one of this run's sponsors or the store's
/// (`sponsor.unknown`); an individual sponsor (an ID starting with 1 or 2) should be a person of this run or
/// of the store (`sponsor.person-unknown`).
///
/// A sponsor or person whose own row was rejected claims nothing (contract §4.2), so the codes stay; the
/// message names that row (file, line) and the rule that rejected it (contract §4.6), found in `UnclaimedRows`
/// (built on the first such question, one search a question).
enum SponsorRule: CrossRowRule {
    static var asksStore: Bool { true }

    static func judge(_ context: ReconcileContext, store: (any StoreKnowledge)?) throws -> Verdicts {
        var verdicts = Verdicts(files: context.scans.count)
        var unclaimed: [RecordKind: UnclaimedRows] = [:]
        try residentsSponsors(in: context, store: store, unclaimed: &unclaimed, &verdicts)
        try individualSponsors(in: context, store: store, unclaimed: &unclaimed, &verdicts)
        return verdicts
    }

    /// `sponsor.unknown`: each sponsor not in this run is asked of the store once.
    private static func residentsSponsors(
        in context: ReconcileContext, store: (any StoreKnowledge)?, unclaimed: inout [RecordKind: UnclaimedRows],
        _ verdicts: inout Verdicts
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
                let message = unknownSponsorMessage(sponsor, in: context, store: store, unclaimed: &unclaimed)
                verdicts.addToClaim(
                    ref, .sponsorUnknown, field: .sponsorID, value: RowFacts.idText(sponsor), message: message,
                    in: context)
            }
        }
    }

    /// `sponsor.person-unknown`.
    private static func individualSponsors(
        in context: ReconcileContext, store: (any StoreKnowledge)?, unclaimed: inout [RecordKind: UnclaimedRows],
        _ verdicts: inout Verdicts
    ) throws {
        try context.forEachClaim(of: .sponsor) { ref, id in
            let leading = id / 1_000_000_000
            guard leading == 1 || leading == 2, context.personClaim(id) == nil else { return }
            if try store?.personExists(RowFacts.idText(id)) ?? false { return }
            let clause = MessageArgument.term(store == nil ? .storeNotRead : .notInStore)
            let kinds: [RecordKind] = leading == 1 ? [.citizen, .resident] : [.resident, .citizen]
            let message: FindingMessage
            if let (row, file) = rejectedRow(of: id, kinds: kinds, in: context, unclaimed: &unclaimed) {
                message = FindingMessage(
                    .sponsorPersonRejected, .id(RowFacts.idText(id)), .file(file), .line(row.line),
                    .rule(row.rule), clause)
            } else {
                message = FindingMessage(.sponsorPersonUnknown, .id(RowFacts.idText(id)), clause)
            }
            verdicts.addToClaim(
                ref, .sponsorPersonUnknown, field: .sponsorID, value: RowFacts.idText(id), message: message,
                in: context)
        }
    }

    /// Why `sponsor` is no sponsor of this run: its sponsors.csv row was rejected (which row, which rule), it
    /// is a person of tonight's files but no sponsor, or it is in none of them.
    private static func unknownSponsorMessage(
        _ sponsor: UInt64, in context: ReconcileContext, store: (any StoreKnowledge)?,
        unclaimed: inout [RecordKind: UnclaimedRows]
    ) -> FindingMessage {
        let id = MessageArgument.id(RowFacts.idText(sponsor))
        let clause = MessageArgument.term(store == nil ? .storeNotRead : .notInStore)
        if let (row, file) = rejectedRow(of: sponsor, kinds: [.sponsor], in: context, unclaimed: &unclaimed) {
            return FindingMessage(
                .sponsorUnknownRejected, id, .file(file), .line(row.line), .rule(row.rule), clause)
        }
        if let person = context.personClaim(sponsor) {
            let line = Int(context.facts(person).line)
            return FindingMessage(
                .sponsorUnknownPerson, id, .file(context.scans[Int(person.file)].input.name), .line(line), clause)
        }
        return FindingMessage(.sponsorUnknown, id, clause)
    }

    /// The first row of the files of `kinds` (in that order) that carries `id` but was rejected, and its file's
    /// name.
    private static func rejectedRow(
        of id: UInt64, kinds: [RecordKind], in context: ReconcileContext, unclaimed: inout [RecordKind: UnclaimedRows]
    ) -> (UnclaimedRows.Row, String)? {
        for kind in kinds {
            guard let file = context.fileOf[kind] else { continue }
            if unclaimed[kind] == nil { unclaimed[kind] = UnclaimedRows(file: file, context: context) }
            if let row = unclaimed[kind]?.row(of: id, in: context) {
                return (row, context.scans[Int(file)].input.name)
            }
        }
        return nil
    }
}
