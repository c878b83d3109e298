import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Contract §6.1: a run's report folder appears whole or not at all.
///
/// `init` makes `<parent>/.<runID>.partial` (0700; a missing parent is created 0700) and holds an exclusive
/// `flock(2)` on it while the run writes into `workingPath`. `publish()` syncs the folder, `rename(2)`s it to
/// `<parent>/<runID>` and points `<parent>/latest` at it (a relative symlink made under a temporary name, then
/// renamed over `latest`, so `latest` is never missing or half-made). `discard()` (also run by `deinit` before
/// publishing) removes the partial folder. `init` removes the `.*.partial` folders of killed runs: those whose
/// lock nobody holds any more; a run still writing keeps its lock and its folder. A partial folder of a run the
/// store recorded as committed (`isCommitted`, killed between its commit and its report) is never deleted: it is
/// moved into place as `<runID>` with what it holds and a note, `INCOMPLETE.txt`, saying what is missing.
/// With `isCommitted` nil (`validate`, which has no store to ask) no partial folder is touched.
///
/// Refused with `cannotCreate`: a parent that is a symlink (`ELOOP`) or not a folder (`ENOTDIR`), a run ID that
/// is empty, starts with `.`, holds `/` or is `latest` (`EINVAL`), an existing `<parent>/<runID>` (`EEXIST`),
/// and a `latest` that is not a symbolic link (`EEXIST`): it could not be replaced after the commit.
public final class ReportFolder {
    /// The folder holding the run folders and `latest`.
    public let parent: String
    /// The run's name inside `parent`.
    public let runID: String
    /// Where the files are written until `publish()`.
    public var workingPath: String { parent + "/." + runID + ".partial" }
    /// Where the folder is after `publish()`.
    public var finalPath: String { parent + "/" + runID }
    /// The `latest` symlink.
    public var latestPath: String { parent + "/latest" }

    private var lockDescriptor: Int32
    private var subfolders: [String] = []
    private var isFinished = false

    /// Prepares the partial folder; see the type's documentation for what is refused.
    public init(
        parent: String, runID: String, isCommitted: ((String) -> Bool)? = { _ in false }
    ) throws(FileSystemError) {
        var parent = parent
        while parent.count > 1, parent.hasSuffix("/") { parent.removeLast() }
        self.parent = parent
        self.runID = runID
        let working = parent + "/." + runID + ".partial"
        guard !runID.isEmpty, !runID.hasPrefix("."), !runID.contains("/"), !runID.utf8.contains(0),
            runID != "latest"
        else { throw .cannotCreate(path: working, errno: EINVAL) }

        switch FileSystem.entryType(at: parent) {
        case nil: try FileSystem.makeFolders(parent)
        case S_IFDIR: break
        case S_IFLNK: throw .cannotCreate(path: parent, errno: ELOOP)
        default: throw .cannotCreate(path: parent, errno: ENOTDIR)
        }
        if let type = FileSystem.entryType(at: parent + "/latest"), type != S_IFLNK {
            throw .cannotCreate(path: parent + "/latest", errno: EEXIST)
        }
        if let isCommitted { Self.removeAbandonedFolders(in: parent, isCommitted: isCommitted) }
        if FileSystem.entryType(at: parent + "/" + runID) != nil {
            throw .cannotCreate(path: parent + "/" + runID, errno: EEXIST)
        }
        try FileSystem.makeFolder(working, allowExisting: false)
        let descriptor = FileSystem.openFolder(working)
        guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let number = errno
            if descriptor >= 0 { _ = FileSystem.closeDescriptor(descriptor) }
            FileSystem.removeTree(working)
            throw .cannotCreate(path: working, errno: number)
        }
        lockDescriptor = descriptor
    }

    deinit {
        discard()
    }

    /// The path of a file inside the working folder; `fileName` may name a subfolder made by `makeSubfolder`.
    public func path(for fileName: String) -> String {
        workingPath + "/" + fileName
    }

    /// Makes a folder (0700) inside the working folder, e.g. `rejected`; nested names make every level.
    public func makeSubfolder(_ name: String) throws(FileSystemError) {
        let components = name.split(separator: "/")
        guard !components.isEmpty, !components.contains(where: { $0 == "." || $0 == ".." }) else {
            throw .cannotCreate(path: path(for: name), errno: EINVAL)
        }
        var relative = ""
        for component in components {
            relative += relative.isEmpty ? String(component) : "/" + component
            try FileSystem.makeFolder(path(for: relative), allowExisting: true)
            if !subfolders.contains(relative) { subfolders.append(relative) }
        }
    }

    /// Syncs the folder, renames it to `finalPath` and points `latest` at it. The files written into it must be
    /// closed first (their `close()` syncs them). After a failure the partial folder is left for `discard()`;
    /// once the rename is done, only `latest` can still fail (`cannotCreate` on `latestPath`).
    public func publish() throws(FileSystemError) {
        precondition(!isFinished, "publish after publish or discard of \(runID)")
        for subfolder in subfolders.reversed() { try FileSystem.syncFolder(path(for: subfolder)) }
        try FileSystem.syncFolder(workingPath)
        // rename(2) would replace an empty folder of that name; renameat2(RENAME_NOREPLACE) is not in Glibc's
        // Swift overlay, so check first (an empty folder is the only thing a race could lose).
        if FileSystem.entryType(at: finalPath) != nil { throw .cannotCreate(path: finalPath, errno: EEXIST) }
        guard rename(workingPath, finalPath) == 0 else { throw .cannotCreate(path: finalPath, errno: errno) }
        isFinished = true
        releaseLock()
        try FileSystem.syncFolder(parent)

        let temporary = parent + "/.latest." + runID + ".partial"
        _ = unlink(temporary)
        guard symlink(runID, temporary) == 0 else { throw .cannotCreate(path: latestPath, errno: errno) }
        guard rename(temporary, latestPath) == 0 else {
            let number = errno
            _ = unlink(temporary)
            throw .cannotCreate(path: latestPath, errno: number)
        }
        try FileSystem.syncFolder(parent)
    }

    /// Removes the partial folder and everything in it; does nothing after `publish()` or a first `discard()`.
    public func discard() {
        guard !isFinished else { return }
        isFinished = true
        FileSystem.removeTree(workingPath)
        releaseLock()
    }

    private func releaseLock() {
        if lockDescriptor >= 0 { _ = FileSystem.closeDescriptor(lockDescriptor) }
        lockDescriptor = -1
    }

    /// Removes `.*.partial` entries left by killed runs; a folder whose lock is held belongs to a live run.
    private static func removeAbandonedFolders(in parent: String, isCommitted: (String) -> Bool) {
        for name in FileSystem.entries(of: parent) where name.hasPrefix(".") && name.hasSuffix(".partial") {
            let path = parent + "/" + name
            guard FileSystem.entryType(at: path) == S_IFDIR else { continue }
            let descriptor = FileSystem.openFolder(path)
            guard descriptor >= 0 else { continue }
            defer { _ = FileSystem.closeDescriptor(descriptor) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { continue }
            let runID = String(name.dropFirst().dropLast(".partial".count))
            if !runID.isEmpty, !runID.contains("/"), isCommitted(runID) {
                keepCommitted(path, as: parent + "/" + runID, runID: runID)
            } else {
                FileSystem.removeTree(path)
            }
        }
    }

    /// The partial folder of a committed run, moved into place with a note; left where it is if the name is
    /// taken. Never deleted: it is the only report of a night the store holds.
    private static func keepCommitted(_ path: String, as finalPath: String, runID: String) {
        guard FileSystem.entryType(at: finalPath) == nil else { return }
        if let note = try? OutputFile(path: path + "/INCOMPLETE.txt") {
            try? note.write(
                "The run \(runID) was committed to the store, then stopped before its report was finished.\n"
                    + "This folder holds what it had written; 'absher-import runs' shows its counts.\n")
            try? note.close()
        }
        if rename(path, finalPath) == 0 { try? FileSystem.syncFolder(FileSystem.parentPath(of: finalPath)) }
    }
}
