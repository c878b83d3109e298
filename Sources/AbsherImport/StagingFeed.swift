import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Dispatch
import Foundation

/// Batches one file's valid rows into the staging pipe.
package final class StagingFeed {
    package static let batchSize = 4_096
    package let pipe: BatchPipe<StagedBatch>
    package let file: Int
    private var batch: StagedBatch

    package init(pipe: BatchPipe<StagedBatch>, file: Int, kind: RecordKind) {
        self.pipe = pipe
        self.file = file
        batch = StagedBatch(kind: kind, capacity: Self.batchSize)
    }

    package func add(row: Int, record: CanonicalRecord, hash: UInt64) {
        batch.append(key: StagedBatch.key(file: file, row: row), record: record, hash: hash)
        if batch.count == Self.batchSize { flush() }
    }

    /// Sends what is batched. After the consumer stopped (an error in the merge) batches are dropped.
    package func flush() {
        guard batch.count > 0 else { return }
        _ = pipe.put([batch])
        batch = StagedBatch(kind: batch.kind, capacity: Self.batchSize)
    }
}
