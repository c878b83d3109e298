import Dispatch
import Foundation

/// Hands batches of records from a producer thread to the consumer, at most `capacity` batches in flight,
/// so that reading and validating one batch overlaps with merging the previous one on the other core.
final class RecordPipe: @unchecked Sendable {
    private let lock = NSCondition()
    private var batches: [[CanonicalRecord]] = []
    private var finished = false
    private var failure: (any Error)?
    private let capacity: Int

    init(capacity: Int = 4) { self.capacity = capacity }

    /// Producer side: waits while `capacity` batches are queued. Returns false once the consumer has stopped.
    func put(_ batch: [CanonicalRecord]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while batches.count >= capacity && !finished { lock.wait() }
        guard !finished else { return false }
        batches.append(batch)
        lock.broadcast()
        return true
    }

    /// Producer side: no more batches; `error` if producing failed.
    func finish(_ error: (any Error)? = nil) {
        lock.lock()
        if let error, failure == nil { failure = error }
        finished = true
        lock.broadcast()
        lock.unlock()
    }

    /// Consumer side: the next batch, nil at the end; rethrows the producer's error.
    func take() throws -> [CanonicalRecord]? {
        lock.lock()
        defer { lock.unlock() }
        while batches.isEmpty && !finished { lock.wait() }
        if let failure { throw failure }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        lock.broadcast()
        return batch
    }

    /// Consumer side: stop the producer (after an error in the merge).
    func cancel() {
        lock.lock()
        finished = true
        batches.removeAll()
        lock.broadcast()
        lock.unlock()
    }
}
