import AbsherRules
import AbsherScan
import AbsherStore

/// Usernames across rows (contract §4): a username the store gives to another person is taken
/// (`username.taken`, on each claimant but its owner); otherwise a username that two or more people claim
/// tonight is a duplicate (`username.duplicate`, on each of them, with one message that names at most
/// `FindingList.namedLimit` of them).
///
/// The store is read once into a `UsernameOwnerTable`: a group that is exactly the one person the table names
/// for the key's hash prefix is that person keeping their username, and is not asked about.
enum UsernameRule: CrossRowRule {
    static var asksStore: Bool { true }

    static func judge(_ context: ReconcileContext, store: (any StoreKnowledge)?) throws -> Verdicts {
        var verdicts = Verdicts(files: context.scans.count)
        let owners = context.personCount > 0 ? try store.map(UsernameOwnerTable.init) : nil
        // The groups come in ascending order of hash prefix: the owners are read in one pass (`cursor`).
        var cursor = 0
        try RowGroups.forEachGroup(of: .username, in: context) { group, hashPrefix in
            // Most usernames are one person's and unknown to the store: their text is never needed.
            func usernameKey() -> String { context.string(context.facts(group[0]).username, of: group[0]) }
            if let owner = try storeOwner(
                of: group, key: usernameKey, hashPrefix: hashPrefix, owners: owners, cursor: &cursor, in: context,
                store: store)
            {
                let key = usernameKey()
                for ref in group where context.facts(ref).id != owner {
                    verdicts.addToClaim(
                        ref, .usernameTaken, field: .username, value: key,
                        message: FindingMessage(.usernameTaken, .value(key), .id(RowFacts.idText(owner))),
                        in: context)
                }
            } else if group.count > 1 {
                let key = usernameKey()
                // One message for the whole group, naming a bounded number of claimants: a message that
                // listed them all would make a group of n rows cost n² bytes.
                let ids = FindingList.smallest(group.lazy.map { context.facts($0).id }, count: FindingList.namedLimit)
                let message = FindingMessage(
                    .usernameDuplicate, .value(key), .count(group.count),
                    .ids(ids.map(RowFacts.idText), total: group.count))
                for ref in group {
                    verdicts.addToClaim(
                        ref, .usernameDuplicate, field: .username, value: key, message: message, in: context)
                }
            }
        }
        return verdicts
    }

    /// The store's owner of the group's key. A group that is exactly the one person `owners` names for the
    /// key's hash prefix is that person keeping their username (no question to the store); anything else with
    /// candidates is asked exactly.
    private static func storeOwner(
        of group: [RowRef], key: () -> String, hashPrefix: UInt64, owners: UsernameOwnerTable?, cursor: inout Int,
        in context: ReconcileContext, store: (any StoreKnowledge)?
    ) throws -> UInt64? {
        guard let store else { return nil }
        guard let owners else { return try store.usernameOwner(key: key()).map(Digits.number) }
        let candidates = owners.candidates(hash: hashPrefix, cursor: &cursor)
        if candidates.count == 0 { return nil }
        if candidates.count == 1 && group.count == 1 && context.facts(group[0]).id == candidates.first {
            return candidates.first
        }
        return try store.usernameOwner(key: key()).map(Digits.number)
    }
}
