import AbsherReconcile
import AbsherStore

/// The store as the reconciler's rules see it during a run: the run's own store (or, for the matcher beside a
/// later night's merge, a read-only view of its last commit), except that the matcher's pass over the store's
/// active people (contract §4b) reads, when the early comparison has found them, only the people that
/// tonight's rows do not claim, by key, instead of every active person. The others it would skip anyway;
/// what it is given is the same.
struct RuleStore: StoreKnowledge, KnowsUnchangedRows {
    let store: any StoreKnowledge
    /// The IDs of the store's active people that tonight's rows do not claim, nil when not known; asked once,
    /// when the matcher reads the store's people.
    let unclaimedPeople: () -> [String]?
    /// The rows the store holds as they are, nil when not known; asked once, by the username rule.
    let unchanged: () -> UnchangedRows?

    /// The run's own store; the unclaimed people and the unchanged rows from the early comparison, once it is
    /// done.
    init(store: any RunStore, early: EarlyComparisonSlot, knowsUnchangedRows: Bool = true) {
        self.store = store
        unclaimedPeople = { early.unclaimedPeople }
        unchanged = knowsUnchangedRows ? { early.prepared.map { UnchangedRows($0, kinds: early.kinds) } } : { nil }
    }

    /// Another view of the store (on its own thread), the unclaimed people already known.
    init(store: any StoreKnowledge, unclaimedPeople: [String]?) {
        self.store = store
        self.unclaimedPeople = { unclaimedPeople }
        unchanged = { nil }
    }

    var unchangedRows: UnchangedRows? { unchanged() }

    func forEachActivePerson(
        skipping skips: (_ id: UnsafeBufferPointer<UInt8>) -> Bool,
        _ body: (_ fields: StoredPersonFields) throws -> Void
    ) throws {
        guard let unclaimed = unclaimedPeople() else {
            return try store.forEachActivePerson(skipping: skips, body)
        }
        try store.forEachActivePerson(among: unclaimed) { fields in
            if skips(fields.id) { return }
            try body(fields)
        }
    }

    func forEachActivePerson(among ids: [String], _ body: (_ fields: StoredPersonFields) throws -> Void) throws {
        try store.forEachActivePerson(among: ids, body)
    }

    func usernameOwner(key: String) throws -> String? { try store.usernameOwner(key: key) }

    func usernameOwners(among keys: [String]) throws -> [String: String] { try store.usernameOwners(among: keys) }

    func forEachUsername(_ body: (_ key: UnsafeBufferPointer<UInt8>, _ ownerID: UnsafeBufferPointer<UInt8>) -> Void)
        throws
    { try store.forEachUsername(body) }

    func dismissedPairs() throws -> [DismissedPair] { try store.dismissedPairs() }

    func sponsorExists(_ id: String) throws -> Bool { try store.sponsorExists(id) }

    func personExists(_ id: String) throws -> Bool { try store.personExists(id) }
}
