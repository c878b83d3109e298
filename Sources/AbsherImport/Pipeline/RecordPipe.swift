import Dispatch
import Foundation

/// Hands batches from producer threads to one consumer, at most `capacity` batches in flight, so that
/// reading and validating overlaps with writing to SQLite on the other core.
final class BatchPipe<Element>: @unchecked Sendable {
    private let lock = NSCondition()
    private var batches: [[Element]] = []
    private var producersLeft: Int
    private var cancelled = false
    private var failure: (any Error)?
    private let capacity: Int

    /// `producers`: how many producers will call `finish`; the pipe ends when the last one has.
    init(capacity: Int = 4, producers: Int = 1) {
        self.capacity = capacity
        producersLeft = producers
    }

    private var finished: Bool { cancelled || producersLeft == 0 || failure != nil }

    /// Producer side: waits while `capacity` batches are queued. Returns false once the consumer has stopped.
    func put(_ batch: [Element]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while batches.count >= capacity && !finished { lock.wait() }
        guard !finished else { return false }
        batches.append(batch)
        lock.broadcast()
        return true
    }

    /// Producer side: this producer has no more batches; `error` if producing failed (which ends the pipe).
    func finish(_ error: (any Error)? = nil) {
        lock.lock()
        if let error, failure == nil { failure = error }
        producersLeft = max(producersLeft - 1, 0)
        lock.broadcast()
        lock.unlock()
    }

    /// Consumer side: the next batch, nil at the end; rethrows a producer's error.
    func take() throws -> [Element]? {
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
    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Consumer side: stop the producers (after an error in the merge).
    func cancel() {
        lock.lock()
        cancelled = true
        batches.removeAll()
        lock.broadcast()
        lock.unlock()
    }
}

/// The merge pass's pipe: canonical records from the thread that reads the file again.
typealias RecordPipe = BatchPipe<CanonicalRecord>

/// Rows of one file that passed the field rules, on their way to a first load's staging table, packed as
/// the text values the insert binds (`RecordStore.stageColumns`): one byte buffer and a span per value, so
/// that the SQLite thread binds pointers into it and neither copies nor frees a string per value.
struct StagedBatch: Sendable {
    let kind: RecordKind
    /// Per row: the staging rowid, `key(file:row:)`.
    private(set) var keys: [Int64] = []
    /// Per row: the record's content hash.
    private(set) var hashes: [UInt64] = []
    private(set) var bytes: [UInt8] = []
    /// Per row, `textCount` spans into `bytes`: offset and length, length -1 for NULL.
    private(set) var spans: [(offset: Int32, length: Int32)] = []

    init(kind: RecordKind, capacity: Int) {
        self.kind = kind
        keys.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        spans.reserveCapacity(capacity * Self.textCount(kind))
        bytes.reserveCapacity(capacity * 192)
    }

    var count: Int { keys.count }

    /// The staging rowid of row `row` of the run's file number `file`: unique in the run, in file order.
    static func key(file: Int, row: Int) -> Int64 { Int64(file) << 40 | Int64(row) }

    /// Text values per row: the ID, every field, and for people the username key.
    static func textCount(_ kind: RecordKind) -> Int { 1 + kind.fields.count + (kind.isPerson ? 1 : 0) }

    mutating func append(key: Int64, record: CanonicalRecord, hash: UInt64) {
        keys.append(key)
        hashes.append(hash)
        appendText(record.id)
        for value in record.values { appendText(value) }
        if kind.isPerson { appendText(record[.username].map(Username.key)) }
    }

    private mutating func appendText(_ value: String?) {
        guard let value else {
            spans.append((0, -1))
            return
        }
        let offset = Int32(bytes.count)
        bytes.append(contentsOf: value.utf8)
        spans.append((offset, Int32(bytes.count) - offset))
    }

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
    }
}

/// Batches one file's valid rows into the staging pipe.
final class StagingFeed {
    static let batchSize = 4_096
    let pipe: BatchPipe<StagedBatch>
    let file: Int
    private var batch: StagedBatch

    init(pipe: BatchPipe<StagedBatch>, file: Int, kind: RecordKind) {
        self.pipe = pipe
        self.file = file
        batch = StagedBatch(kind: kind, capacity: Self.batchSize)
    }

    func add(row: Int, record: CanonicalRecord, hash: UInt64) {
        batch.append(key: StagedBatch.key(file: file, row: row), record: record, hash: hash)
        if batch.count == Self.batchSize { flush() }
    }

    /// Sends what is batched. After the consumer stopped (an error in the merge) batches are dropped.
    func flush() {
        guard batch.count > 0 else { return }
        _ = pipe.put([batch])
        batch = StagedBatch(kind: batch.kind, capacity: Self.batchSize)
    }
}
