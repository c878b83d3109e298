import AbsherRules
import AbsherScan
import AbsherStore

/// Usernames across rows (contract §4): a username the store gives to another person is taken
/// (`username.taken`, on each claimant but its owner); otherwise a username that two or more people claim
/// tonight is a duplicate (`username.duplicate`, on each of them, with one message that names at most
/// `FindingList.namedLimit` of them).
///
/// What the store is asked (`StoreOwners`): on a later night whose early comparison found most of tonight's
/// people unchanged, only the usernames that no unchanged row claims (the few a night adds or changes), in
/// one question; otherwise every username of the store, read once into a `UsernameOwnerTable`.
enum UsernameRule: CrossRowRule {
    static var asksStore: Bool { true }
    static var readsUnchangedRows: Bool { true }

    static func judge(_ context: ReconcileContext, store: (any StoreKnowledge)?) throws -> Verdicts {
        var verdicts = Verdicts(files: context.scans.count)
        let groups = RowGroups.sorted(of: .username, in: context)
        var owners = try store.map { try StoreOwners($0, groups: groups, context: context) }
        try RowGroups.forEachGroup(of: .username, in: groups, context: context) { group, hashPrefix in
            // Most usernames are one person's and unknown to the store: their text is never needed.
            func usernameKey() -> String { context.string(context.facts(group[0]).username, of: group[0]) }
            // The night's usual case: one person keeping the username the store gives them.
            if owners?.isKeptByItsOwner(group) == true { return }
            if let owner = try owners?.owner(of: group, key: usernameKey, hashPrefix: hashPrefix, in: context) {
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
}

/// Who holds each of tonight's usernames in the store, found in one of two ways.
///
/// - Asked by key: the store holds most of tonight's people unchanged (`UnchangedRows`). A group with such a
///   row is that row's person keeping their username: the store's record of them carries it, and no one else
///   can (usernames are unique in the store). The usernames of the other groups, those that tonight adds or
///   changes, are asked in one question (`StoreKnowledge.usernameOwners(among:)`). A national register's next
///   night then reads a few hundred thousand usernames by key instead of its 35 million.
/// - From a table: every username of the store, read in one pass (`UsernameOwnerTable`). A group that is
///   exactly the one person the table names for the key's hash prefix is that person keeping their username
///   (no question); anything else with candidates is asked exactly.
private struct StoreOwners {
    private let store: any StoreKnowledge
    /// Set when the usernames were asked by key.
    private let unchanged: UnchangedRows?
    private let asked: [String: String]
    private let table: UsernameOwnerTable
    /// Where the last answer of `table` began: the groups come in ascending order of hash prefix, so the
    /// table is read in one pass.
    private var cursor = 0

    init(_ store: any StoreKnowledge, groups: [UInt64], context: ReconcileContext) throws {
        self.store = store
        if let unchanged = (store as? any KnowsUnchangedRows)?.unchangedRows,
            unchanged.people * 2 >= context.personCount
        {
            var keys: [String] = []
            try RowGroups.forEachGroup(of: .username, in: groups, context: context) { group, _ in
                guard !group.contains(where: unchanged.contains) else { return }
                keys.append(context.string(context.facts(group[0]).username, of: group[0]))
            }
            self.unchanged = unchanged
            asked = try store.usernameOwners(among: keys)
            table = UsernameOwnerTable(sorted: [])
        } else {
            unchanged = nil
            asked = [:]
            table = context.personCount > 0 ? try UsernameOwnerTable(store) : UsernameOwnerTable(sorted: [])
        }
    }

    /// The group is one row that the store holds unchanged: that person keeping their username.
    func isKeptByItsOwner(_ group: [RowRef]) -> Bool {
        group.count == 1 && unchanged?.contains(group[0]) == true
    }

    /// The store's owner of the group's key.
    mutating func owner(
        of group: [RowRef], key: () -> String, hashPrefix: UInt64, in context: ReconcileContext
    ) throws -> UInt64? {
        if let unchanged {
            if let held = group.first(where: unchanged.contains) { return context.facts(held).id }
            return asked[key()].map(Digits.number)
        }
        let candidates = table.candidates(hash: hashPrefix, cursor: &cursor)
        if candidates.count == 0 { return nil }
        if candidates.count == 1 && group.count == 1 && context.facts(group[0]).id == candidates.first {
            return candidates.first
        }
        return try store.usernameOwner(key: key()).map(Digits.number)
    }
}
