#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
