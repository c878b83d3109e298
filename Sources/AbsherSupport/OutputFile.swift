import Foundation

/// A buffered file writer over a raw descriptor, the only way the report writers put bytes on disk.
///
/// The file is created with `open(2)` `O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC` and mode 0600
/// (`replacing: true` uses `O_TRUNC` instead of `O_EXCL`, still never through a symlink). Bytes collect in a
/// 64 KiB buffer; `write(2)` is called in a loop that retries `EINTR` and short writes. `close()` flushes,
/// `fsync(2)`s and `close(2)`s, and reports the first failure, so a full disk (`ENOSPC`) is never silent.
/// A file dropped without `close()` is closed unsynced in `deinit` and its errors are lost.
public final class OutputFile {
    /// The path given to `init`, for error messages.
    public let path: String
    private var descriptor: Int32
    private var buffer: [UInt8]
    private static let bufferCapacity = 64 * 1024

    /// Creates the file (it must not exist unless `replacing`) with mode 0600.
    public init(path: String, replacing: Bool = false) throws(FileSystemError) {
        self.path = path
        let flags = O_CREAT | O_WRONLY | O_NOFOLLOW | O_CLOEXEC | (replacing ? O_TRUNC : O_EXCL)
        var opened: Int32
        repeat { opened = open(path, flags, FileSystem.fileMode) } while opened < 0 && errno == EINTR
        guard opened >= 0 else { throw .cannotCreate(path: path, errno: errno) }
        if replacing, fchmod(opened, FileSystem.fileMode) != 0 {
            let number = errno
            _ = FileSystem.closeDescriptor(opened)
            throw .cannotCreate(path: path, errno: number)
        }
        descriptor = opened
        buffer = []
        buffer.reserveCapacity(Self.bufferCapacity)
    }

    deinit {
        if descriptor >= 0 { _ = FileSystem.closeDescriptor(descriptor) }
    }

    /// Appends bytes; they reach the file when the buffer fills or on `close()`.
    public func write(_ bytes: some Collection<UInt8>) throws(FileSystemError) {
        precondition(descriptor >= 0, "write after close of \(path)")
        let count = bytes.count
        if buffer.count + count > Self.bufferCapacity { try flush() }
        if count >= Self.bufferCapacity {
            let number =
                bytes.withContiguousStorageIfAvailable { writeAll(UnsafeRawBufferPointer($0)) }
                ?? Array(bytes).withUnsafeBytes { writeAll($0) }
            if number != 0 { throw .cannotWrite(path: path, errno: number) }
            return
        }
        buffer.append(contentsOf: bytes)
    }

    /// Appends a string's UTF-8 bytes.
    public func write(_ string: String) throws(FileSystemError) {
        try write(string.utf8)
    }

    /// Writes out what is buffered, `fsync(2)`s and `close(2)`s; the first failure is thrown (`cannotWrite`).
    public func close() throws(FileSystemError) {
        guard descriptor >= 0 else { return }
        var failure: FileSystemError?
        do { try flush() } catch { failure = error }
        if failure == nil, fsync(descriptor) != 0, errno != EINVAL {
            failure = .cannotWrite(path: path, errno: errno)
        }
        // close(2) is not retried on EINTR: on Linux the descriptor is released either way.
        if FileSystem.closeDescriptor(descriptor) != 0, failure == nil, errno != EINTR {
            failure = .cannotWrite(path: path, errno: errno)
        }
        descriptor = -1
        buffer = []
        if let failure { throw failure }
    }

    private func flush() throws(FileSystemError) {
        guard !buffer.isEmpty else { return }
        let number = buffer.withUnsafeBytes { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
        if number != 0 { throw .cannotWrite(path: path, errno: number) }
    }

    /// The `write(2)` loop: retries `EINTR`, continues after short writes, treats a zero-byte write as `EIO`.
    /// Returns 0, or the `errno` of the failure.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard var start = bytes.baseAddress else { return 0 }
        var remaining = bytes.count
        while remaining > 0 {
            let written = FileSystem.writeDescriptor(descriptor, start, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if written == 0 { return EIO }
            start += written
            remaining -= written
        }
        return 0
    }
}
