import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// The second pass of one file: a thread reads it again and validates the rows in `rows` (ascending indexes),
/// the ones the store does not already hold as they are, into the pipe it returns, a few batches ahead of
/// the merge (on the run's thread).
enum Replay {
    static let batchSize = 4096

    static func start(_ rows: [Int32], of scan: FileScan, validation: ValidationOptions) -> RecordPipe {
        let pipe = RecordPipe()
        let producer = Thread {
            var validator: RowValidator?
            var next = 0
            var batch: [CanonicalRecord] = []
            batch.reserveCapacity(batchSize)
            do {
                try FileScanner.replay(scan) { index, record, header in
                    if index & 0xFFFF == 0 && pipe.isCancelled { throw CancellationError() }
                    guard next < rows.count, rows[next] == index else { return }
                    next += 1
                    if validator == nil {
                        validator = RowValidator(header: header, fileName: scan.input.name, options: validation)
                    }
                    guard let canonical = validator!.validate(record).record else {
                        throw ReplayError.changed(scan.input.path)
                    }
                    batch.append(canonical)
                    if batch.count == batchSize {
                        guard pipe.put(batch) else { throw CancellationError() }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                guard next == rows.count else { throw ReplayError.changed(scan.input.path) }
                if !batch.isEmpty { _ = pipe.put(batch) }
                pipe.finish()
            } catch {
                pipe.finish(error)
            }
        }
        producer.stackSize = 1 << 20
        producer.start()
        return pipe
    }
}
