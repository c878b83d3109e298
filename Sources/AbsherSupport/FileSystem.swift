#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A report file or folder that cannot be created or written (contract §8: exit 73 and 74).
///
/// Carries the path and the `errno` of the failing system call, never any content written.
public enum FileSystemError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A file, folder or link could not be created (`EEXIST`, `EACCES`, a symlinked parent...): exit 73.
    case cannotCreate(path: String, errno: Int32)
    /// Bytes could not be written, flushed or synced (`ENOSPC`, `EIO`, `EDQUOT`...): exit 74.
    case cannotWrite(path: String, errno: Int32)

    /// The path the failing call was about.
    public var path: String {
        switch self {
        case .cannotCreate(let path, _), .cannotWrite(let path, _): path
        }
    }

    /// The `errno` of the failing call.
    public var errorNumber: Int32 {
        switch self {
        case .cannotCreate(_, let number), .cannotWrite(_, let number): number
        }
    }

    /// One line for stderr, e.g. `cannot write /x/y: No space left on device`.
    public var description: String {
        switch self {
        case .cannotCreate(let path, let number): "cannot create \(path): \(FileSystem.message(for: number))"
        case .cannotWrite(let path, let number): "cannot write \(path): \(FileSystem.message(for: number))"
        }
    }
}

/// Small wrappers over the POSIX calls the report writers need; each retries `EINTR` where it can occur.
package enum FileSystem {
    /// Permissions of every file the tool creates.
    package static let fileMode: mode_t = 0o600
    /// Permissions of every folder the tool creates.
    package static let folderMode: mode_t = 0o700

    /// `strerror(3)` text for an `errno`.
    package static func message(for number: Int32) -> String {
        guard let text = strerror(number) else { return "error \(number)" }
        return String(cString: text)
    }

    /// `lstat(2)`: the entry's type bits, or nil when it does not exist (or cannot be looked at).
    package static func entryType(at path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// `mkdir(2)` with mode 0700; an existing real folder is accepted when `allowExisting`.
    package static func makeFolder(_ path: String, allowExisting: Bool) throws(FileSystemError) {
        if mkdir(path, folderMode) == 0 { return }
        let number = errno
        if number == EEXIST, allowExisting, entryType(at: path) == S_IFDIR { return }
        throw .cannotCreate(path: path, errno: number)
    }

    /// Like `mkdir -p` with mode 0700 for every folder it creates.
    package static func makeFolders(_ path: String) throws(FileSystemError) {
        if entryType(at: path) != nil { return }
        let parent = parentPath(of: path)
        if parent != path, !parent.isEmpty { try makeFolders(parent) }
        try makeFolder(path, allowExisting: true)
    }

    /// The path without its last component (`"/a/b"` -> `"/a"`, `"b"` -> `"."`, `"/b"` -> `"/"`).
    package static func parentPath(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// Opens a folder for `fsync(2)` or `flock(2)`, never following a symlink.
    package static func openFolder(_ path: String) -> Int32 {
        while true {
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if descriptor >= 0 || errno != EINTR { return descriptor }
        }
    }

    /// `close(2)`, named apart from the `close()` methods of the types that own descriptors.
    package static func closeDescriptor(_ descriptor: Int32) -> Int32 {
        close(descriptor)
    }

    /// `write(2)`, named apart from the `write` methods of the types that own descriptors.
    package static func writeDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        write(descriptor, bytes, count)
    }

    /// `fsync(2)` on a folder, so that the names created or renamed in it survive a crash.
    package static func syncFolder(_ path: String) throws(FileSystemError) {
        let descriptor = openFolder(path)
        guard descriptor >= 0 else { throw .cannotWrite(path: path, errno: errno) }
        defer { _ = closeDescriptor(descriptor) }
        // EINVAL: the file system does not sync folders; nothing more can be done.
        if fsync(descriptor) != 0, errno != EINVAL, errno != EROFS {
            throw .cannotWrite(path: path, errno: errno)
        }
    }

    /// Removes a file, a symlink (not its target) or a folder and everything inside it; best effort.
    package static func removeTree(_ path: String) {
        guard let type = entryType(at: path) else { return }
        guard type == S_IFDIR else {
            _ = unlink(path)
            return
        }
        for name in entries(of: path) { removeTree(path + "/" + name) }
        _ = rmdir(path)
    }

    /// The names in a folder, without `.` and `..`.
    package static func entries(of path: String) -> [String] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }
}

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
