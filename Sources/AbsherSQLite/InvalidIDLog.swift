import AbsherSchema
import AbsherStore
import Synchronization

/// The stored IDs of another shape that `RecordStore.forEachStored` skipped, per kind, shared by a run's store
/// and its snapshots (the comparison may read the store on either), so that `invalidStoredIDs` need not scan
/// the table a second time. A kind's entry is replaced by each complete pass.
package final class InvalidIDLog: Sendable {
    private let passes = Mutex<[RecordKind: [String]]>([:])

    package init() {}

    /// Records what one complete pass over `kind` found.
    package func record(_ ids: [String], for kind: RecordKind) {
        passes.withLock { $0[kind] = ids.sorted() }
    }

    /// What the last complete pass over `kind` found, smallest first, or nil when there was none.
    package func found(_ kind: RecordKind, limit: Int) -> InvalidStoredIDs? {
        passes.withLock { passes in
            passes[kind].map { InvalidStoredIDs(ids: Array($0.prefix(limit)), total: $0.count) }
        }
    }
}
