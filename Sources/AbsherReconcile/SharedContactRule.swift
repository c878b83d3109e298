import AbsherRules
import AbsherScan
import AbsherStore
import AbsherSupport

/// Contacts shared by too many people (contract §4): a mobile of more than `maxPeoplePerMobile` claiming people
/// (`mobile.shared`), an e-mail of more than `maxPeoplePerEmail` (`email.shared`), on each of them.
///
/// It never asks the store, so it runs on the other core beside the rules that do.
enum SharedContactRule: CrossRowRule {
    static var asksStore: Bool { false }

    static func judge(_ context: ReconcileContext, store: (any StoreKnowledge)?) throws -> Verdicts {
        var verdicts = Verdicts(files: context.scans.count)
        sharedMobiles(in: context, &verdicts)
        try sharedEmails(in: context, &verdicts)
        return verdicts
    }

    /// `mobile.shared`, the groups found by sorting `KeyedRow` values keyed by the mobile's 32 bits.
    private static func sharedMobiles(in context: ReconcileContext, _ verdicts: inout Verdicts) {
        let limit = context.options.maxPeoplePerMobile
        var byMobile: [UInt64] = []
        byMobile.reserveCapacity(context.personCount)
        context.forEachPerson { ref in
            let mobile = context.facts(ref).mobile
            if mobile != 0 { byMobile.append(PackedKey<KeyedRow>.pack(UInt64(mobile), ref.packed)) }
        }
        byMobile.sortInPlace()
        RowGroups.forEachRun(byMobile, minimumCount: limit + 1) { group, _ in
            let mobile = RowFacts.mobileText(context.facts(group[0]).mobile)
            let message = FindingMessage(.mobileShared, .count(group.count), .count(limit))
            for ref in group {
                verdicts.addToClaim(
                    ref, .mobileShared, field: .mobile, value: mobile,
                    message: message, in: context)
            }
        }
    }

    /// `email.shared`.
    private static func sharedEmails(in context: ReconcileContext, _ verdicts: inout Verdicts) throws {
        let limit = context.options.maxPeoplePerEmail
        try RowGroups.forEachGroup(of: .email, in: context, minimumCount: limit + 1) { group, _ in
            let email = context.string(context.facts(group[0]).email, of: group[0])
            let message = FindingMessage(.emailShared, .count(group.count), .count(limit))
            for ref in group {
                verdicts.addToClaim(
                    ref, .emailShared, field: .email, value: email,
                    message: message, in: context)
            }
        }
    }
}
