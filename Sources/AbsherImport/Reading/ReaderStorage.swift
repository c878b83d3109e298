/// The resources a ``CSVReader`` owns: its byte source and two buffers allocated once.
///
/// A class so that the buffers are freed (and the file closed) when the last reader copy goes away.
final class ReaderStorage {
    let source: ByteSource
    /// Raw input, `chunkSize` bytes, reused for every `read(2)`.
    let chunk: UnsafeMutableRawBufferPointer
    /// The current chunk transcoded to UTF-8.
    let text: UnsafeMutablePointer<UInt8>

    init(source: ByteSource, chunkSize: Int) {
        self.source = source
        chunk = .allocate(byteCount: chunkSize, alignment: 16)
        text = .allocate(capacity: TextDecoder.outputCapacity(forInputCount: chunkSize))
    }

    deinit {
        chunk.deallocate()
        text.deallocate()
    }
}
