#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the reader's raw bytes come from: an open file (read with `read(2)`) or an array in memory.
///
/// A class because it owns the file descriptor, closed in `deinit`.
package final class ByteSource {
    private enum Backing {
        case file(descriptor: Int32)
        case memory([UInt8])
    }

    private let backing: Backing
    /// The path shown in errors (`"<memory>"` for arrays).
    package let path: String
    /// The total size of the input in bytes.
    package let size: Int
    /// The read position, for memory input.
    private var memoryOffset = 0

    /// Opens `path` for reading; a directory or a file that cannot be opened is `.unreadable`.
    package init(path: String) throws(CSVReadError) {
        self.path = path
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            throw .unreadable(path: path, reason: ByteSource.describe(errno))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = ByteSource.describe(errno)
            close(descriptor)
            throw .unreadable(path: path, reason: reason)
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw .unreadable(path: path, reason: ByteSource.describe(EISDIR))
        }
        backing = .file(descriptor: descriptor)
        size = Int(status.st_size)
    }

    /// Serves `bytes` as if they were a file.
    package init(bytes: [UInt8]) {
        path = "<memory>"
        backing = .memory(bytes)
        size = bytes.count
    }

    /// What `fstat(2)` says of the open file now (nil for memory input): changes when the file is written
    /// to or replaced.
    package func identity() -> FileIdentity? {
        guard case .file(let descriptor) = backing else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return FileIdentity(
            device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
            modified: [Int64(status.st_mtim.tv_sec), Int64(status.st_mtim.tv_nsec)],
            changed: [Int64(status.st_ctim.tv_sec), Int64(status.st_ctim.tv_nsec)])
    }

    deinit {
        if case .file(let descriptor) = backing {
            close(descriptor)
        }
    }

    /// Reads up to `buffer.count` bytes into `buffer`; 0 at end of data. Retries `EINTR`.
    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(CSVReadError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        switch backing {
        case .file(let descriptor):
            while true {
                let count = systemRead(descriptor, base, buffer.count)
                if count >= 0 { return count }
                let code = errno
                if code == EINTR { continue }
                throw .unreadable(path: path, reason: ByteSource.describe(code))
            }
        case .memory(let bytes):
            let count = min(buffer.count, bytes.count - memoryOffset)
            guard count > 0 else { return 0 }
            bytes.withUnsafeBytes { source in
                base.copyMemory(from: source.baseAddress! + memoryOffset, byteCount: count)
            }
            memoryOffset += count
            return count
        }
    }

    /// Reads until `buffer` is full or the data ends; returns the count read.
    package func readFully(into buffer: UnsafeMutableRawBufferPointer) throws(CSVReadError) -> Int {
        var total = 0
        while total < buffer.count {
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[total...]))
            if count == 0 { break }
            total += count
        }
        return total
    }

    /// Moves back to the first byte (`lseek(2)`).
    package func rewind() throws(CSVReadError) {
        switch backing {
        case .file(let descriptor):
            if lseek(descriptor, 0, SEEK_SET) < 0 {
                throw .unreadable(path: path, reason: ByteSource.describe(errno))
            }
        case .memory:
            memoryOffset = 0
        }
    }

    /// The `strerror(3)` text of `code`.
    package static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

/// `read(2)`, named apart from ``ByteSource/read(into:)``.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
