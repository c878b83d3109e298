import AbsherSchema

/// The read-only questions of `lookup`, `runs` and `export`, on a store opened read-only (never created:
/// a mistyped `--store` is an error, not a new empty store).
package protocol StoreReader: AnyObject {
    /// The person and/or sponsor with an ID, every person and sponsor with a mobile, or the person with a
    /// username (case-insensitively), with all their fields, active or not, and their history.
    func lookup(_ value: String) throws -> LookupResult
    /// Every run in the store, oldest first.
    func runs() throws -> [RunSummary]
    /// Runs `body` in one read transaction, so that what it reads comes from one commit.
    func inReadTransaction(_ body: () throws -> Void) throws
    /// The active records of `kind` in ID order (byte order), with their canonical values.
    func forEachActiveRecord(_ kind: RecordKind, _ body: (CanonicalRecord) throws -> Void) throws
    /// The pairs of contract §4b: open ones first, then dismissed ones (`matches list`).
    func matchPairs() throws -> [StoredMatchPair]
    func close()
}
