import Dispatch

/// The resources a ``CSVReader`` owns: its byte source, its buffers (allocated once), and the SHA-256 of the
/// raw input, computed on a serial queue so that hashing overlaps with parsing.
///
/// Raw input goes into two chunk buffers in turn: while the reader decodes one, the queue may still be hashing
/// the other; ``acquireChunk(_:)`` waits until a buffer's hashing is done before it is filled again.
/// A class so that the buffers are freed (and the file closed) when the last reader copy goes away.
package final class ReaderStorage: @unchecked Sendable {
    package let source: ByteSource
    /// The two raw input buffers, `chunkSize` bytes each, reused for every `read(2)`.
    private let chunks: [UnsafeMutableRawBufferPointer]
    /// Signalled when the hashing of the matching chunk is done (it may be filled again).
    private let chunkIsFree: [DispatchSemaphore]
    /// The current chunk transcoded to UTF-8.
    package let text: UnsafeMutablePointer<UInt8>
    private let hashQueue = DispatchQueue(label: "absher-import.csv-reader.sha256")
    /// Touched only on `hashQueue`.
    private var hasher = SHA256()

    /// Whether the raw input is hashed at all (a second read of a file already hashed needs no digest).
    package let hashes: Bool

    package init(source: ByteSource, chunkSize: Int, hashes: Bool = true) {
        self.source = source
        self.hashes = hashes
        chunks = (0..<2).map { _ in .allocate(byteCount: chunkSize, alignment: 16) }
        chunkIsFree = (0..<2).map { _ in DispatchSemaphore(value: 1) }
        text = .allocate(capacity: TextDecoder.outputCapacity(forInputCount: chunkSize))
    }

    /// Pending hashing work holds a reference to `self`, so this runs only after it.
    deinit {
        for chunk in chunks { chunk.deallocate() }
        text.deallocate()
    }

    /// A raw buffer for scratch work before reading starts (nothing is being hashed then).
    package var scratchChunk: UnsafeMutableRawBufferPointer { chunks[0] }

    /// Chunk `index` (0 or 1), once its previous contents are hashed.
    package func acquireChunk(_ index: Int) -> UnsafeMutableRawBufferPointer {
        chunkIsFree[index].wait()
        return chunks[index]
    }

    /// Hashes the first `count` bytes of chunk `index` in the background, then frees the chunk.
    package func hashChunk(_ index: Int, count: Int) {
        guard hashes else {
            chunkIsFree[index].signal()
            return
        }
        hashQueue.async {
            self.hasher.update(UnsafeRawBufferPointer(rebasing: self.chunks[index][0..<count]))
            self.chunkIsFree[index].signal()
        }
    }

    /// Frees chunk `index` without hashing anything.
    package func releaseChunk(_ index: Int) {
        chunkIsFree[index].signal()
    }

    /// The lowercase hex SHA-256 of everything hashed, after the pending work.
    package func sha256Hex() -> String {
        hashQueue.sync { hasher.finalizeHex() }
    }
}
