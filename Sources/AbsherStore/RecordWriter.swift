import AbsherSchema

/// The writes of the merge, one record at a time, inside the run's transaction. `runRowID` is the run's
/// key in the store (`RunStore.beginRun`).
public protocol RecordWriter {
    /// The record with this ID, reading its values only when `unlessHash` differs from the stored hash.
    func find(_ kind: RecordKind, id: String, unlessHash: UInt64?) throws -> StoredRecord?
    func insert(_ record: CanonicalRecord, runRowID: Int64) throws
    /// Writes every field of `record` and makes it active.
    func update(_ record: CanonicalRecord, runRowID: Int64) throws
    func setActive(_ active: Bool, kind: RecordKind, id: String, runRowID: Int64) throws
    /// Keeps one change in the record's history.
    func recordChange(_ change: Change, runRowID: Int64) throws
    /// Keeps the pairs of contract §4b this run reported (open until dismissed), replacing what an earlier run
    /// said of the same pair.
    func recordMatches(_ pairs: [StoredMatchPair], runRowID: Int64) throws
    /// Records that two IDs are different people (`matches dismiss`); dismissing a pair again changes nothing.
    func dismiss(_ pair: DismissedPair) throws
}
