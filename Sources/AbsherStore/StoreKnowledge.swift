import AbsherSchema

/// What the store already knows, as the rules across rows ask it (contract §4). `validate` has no store and
/// asks none.
public protocol StoreKnowledge {
    /// The ID of the person who holds this username key in the store, if anyone.
    func usernameOwner(key: String) throws -> String?
    /// The owners of those of `keys` (username keys, each once) that someone holds in the store, key to ID:
    /// one question for the few usernames a later night adds or changes, by key, where `forEachUsername` would
    /// read them all.
    func usernameOwners(among keys: [String]) throws -> [String: String]
    /// Calls `body` with every username key of the store and the ID of the person who holds it, as UTF-8
    /// bytes, in no specified order: one pass, so that a night with a million usernames asks the store once
    /// instead of once each. The buffers are valid only during the call.
    func forEachUsername(_ body: (_ key: UnsafeBufferPointer<UInt8>, _ ownerID: UnsafeBufferPointer<UInt8>) -> Void)
        throws
    /// Calls `body` with every active person of the store whose ID `skips` does not refuse (contract §4b: the
    /// matcher pairs tonight's people with them), in no specified order, in one pass; a skipped person's other
    /// fields are not read. The buffers are valid only during the call.
    func forEachActivePerson(
        skipping skips: (_ id: UnsafeBufferPointer<UInt8>) -> Bool,
        _ body: (_ fields: StoredPersonFields) throws -> Void
    ) throws
    /// The same for the active people among `ids` (each once, in any order) only, by key: what a later night
    /// gives the matcher when its comparison with the store found the few people tonight's rows do not claim.
    func forEachActivePerson(among ids: [String], _ body: (_ fields: StoredPersonFields) throws -> Void) throws
    /// The pairs recorded as different people (`matches dismiss`).
    func dismissedPairs() throws -> [DismissedPair]
    func sponsorExists(_ id: String) throws -> Bool
    func personExists(_ id: String) throws -> Bool
}
