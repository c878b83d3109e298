import Dispatch
import Foundation

/// Hands batches from producer threads to one consumer, at most `capacity` batches in flight, so that
/// reading and validating overlaps with writing to SQLite on the other core.
///
/// Sendable by its lock: every stored property but the constant `capacity` is read and written only while
/// `lock` is held.
package final class BatchPipe<Element: Sendable>: @unchecked Sendable {
    private let lock = NSCondition()
    private var batches: [[Element]] = []
    private var producersLeft: Int
    private var cancelled = false
    private var failure: (any Error)?
    private let capacity: Int

    /// `producers`: how many producers will call `finish`; the pipe ends when the last one has.
    package init(capacity: Int = 4, producers: Int = 1) {
        self.capacity = capacity
        producersLeft = producers
    }

    private var finished: Bool { cancelled || producersLeft == 0 || failure != nil }

    /// Producer side: waits while `capacity` batches are queued. Returns false once the consumer has stopped.
    package func put(_ batch: [Element]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while batches.count >= capacity && !finished { lock.wait() }
        guard !finished else { return false }
        batches.append(batch)
        lock.broadcast()
        return true
    }

    /// Producer side: this producer has no more batches; `error` if producing failed (which ends the pipe).
    package func finish(_ error: (any Error)? = nil) {
        lock.lock()
        if let error, failure == nil { failure = error }
        producersLeft = max(producersLeft - 1, 0)
        lock.broadcast()
        lock.unlock()
    }

    /// Consumer side: the next batch, nil at the end; rethrows a producer's error.
    package func take() throws -> [Element]? {
        lock.lock()
        defer { lock.unlock() }
        while batches.isEmpty && !finished { lock.wait() }
        if let failure { throw failure }
        guard !batches.isEmpty, !cancelled else { return nil }
        let batch = batches.removeFirst()
        lock.broadcast()
        return batch
    }

    /// Whether the consumer has stopped (producers may check it now and then, and give up).
    package var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Consumer side: stop the producers (after an error in the merge).
    package func cancel() {
        lock.lock()
        cancelled = true
        batches.removeAll()
        lock.broadcast()
        lock.unlock()
    }
}
