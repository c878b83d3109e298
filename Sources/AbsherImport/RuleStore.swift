import AbsherStore

/// The store as the reconciler's rules see it during a run: the run's own store, except that the matcher's
/// pass over the store's active people (contract §4b) reads, when the early comparison has found them, only
/// the people that tonight's rows do not claim, by key, instead of every active person. The others it would
/// skip anyway; what it is given is the same.
struct RuleStore: StoreKnowledge {
    let store: any RunStore
    let early: EarlyComparisonSlot

    func forEachActivePerson(
        skipping skips: (_ id: UnsafeBufferPointer<UInt8>) -> Bool,
        _ body: (_ fields: StoredPersonFields) throws -> Void
    ) throws {
        guard let unclaimed = early.unclaimedPeople else {
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

    func forEachUsername(_ body: (_ key: UnsafeBufferPointer<UInt8>, _ ownerID: UnsafeBufferPointer<UInt8>) -> Void)
        throws
    { try store.forEachUsername(body) }

    func dismissedPairs() throws -> [DismissedPair] { try store.dismissedPairs() }

    func sponsorExists(_ id: String) throws -> Bool { try store.sponsorExists(id) }

    func personExists(_ id: String) throws -> Bool { try store.personExists(id) }
}
