import AbsherSchema
import Foundation

/// The store as one run sees it, inside the run's transaction (`StoreEngine.inRunTransaction`): what the
/// rules ask, the comparison reads and the merge writes, and the run's own record.
package protocol RunStore: AnyObject, StoreKnowledge, StoredRecords, RecordWriter {
    /// Whether the store holds no record at all (a first load).
    var isEmpty: Bool { get }

    /// Whether a run with this ID was ever recorded.
    func runExists(_ runID: String) throws -> Bool
    /// Records the run as started (status `failed` until `finishRun`) and returns its key in the store.
    func beginRun(runID: String, startedAt: Date, runDate: String, mode: RunMode) throws -> Int64
    /// Records how the run ended, with its counts.
    func finishRun(_ record: RunRecord, runRowID: Int64) throws
    /// The SHA-256 of each kind's file in the last committed run that read a file of that kind.
    func lastCommittedSHA256() throws -> [RecordKind: String]
    /// The last `limit` runs other than `runRowID`, newest first.
    func history(limit: Int, excluding runRowID: Int64) throws -> [RunHistoryEntry]

    /// A first load: the store is empty and will take every row of the run in bulk (`stage`).
    func beginFirstLoad() throws
    /// New records of a first load, staged under their keys (`StagedBatch.key`) while the files are read.
    func stage(_ batch: StagedBatch, runRowID: Int64) throws
    /// Takes back a staged row that the rules across rows rejected.
    func unstage(_ kind: RecordKind, key: Int64) throws
    /// Before the merge of a later night: new records may be written in bulk from here on.
    func beginStaging() throws
    /// Writes what is staged, with the indexes it needs.
    func flushStaged() throws

    /// Opens read-only views of the last committed state, for work beside the run on another thread.
    var snapshots: any StoreSnapshotSource { get }

    /// The sponsors that an active resident names.
    func sponsorsOfActiveResidents() throws -> Set<String>

    /// The stored records of `kind` whose ID does not have its kind's shape (`NationalID.hasStoredShape`), at
    /// most `limit` of them, smallest first. `forEachStored` leaves them out, so they are never compared,
    /// updated or deactivated.
    func invalidStoredIDs(_ kind: RecordKind, limit: Int) throws -> InvalidStoredIDs
}
