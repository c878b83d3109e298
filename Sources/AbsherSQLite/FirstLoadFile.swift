import CSQLite
import Foundation

#if canImport(Glibc)
    import Glibc

    /// `close(2)` of a descriptor this file opened.
    private func closeFile(_ descriptor: Int32) { _ = Glibc.close(descriptor) }
#elseif canImport(Darwin)
    import Darwin

    private func closeFile(_ descriptor: Int32) { _ = Darwin.close(descriptor) }
#endif

/// The file a first load builds the store in, beside the store's path, when there is no store yet: written
/// with no log and no syncing (`Database.Journal.unsyncedInMemory`), then switched to WAL, synced once and
/// linked into place only when the run commits. Every page is written once instead of twice (the log, then
/// the checkpoint), and a crash, a kill or a full disk leaves no store at all: the state before the run.
///
/// The file is `STORE.first-load`. Holding it open with an exclusive `flock(2)` is the run lock of a first
/// load: a second run that finds no store waits for that lock as a later run waits for the store's
/// (`--lock-timeout`), then finds the store there and opens it as usual. A file left by a crash is held by
/// no one; the next first load empties it and starts again.
package final class FirstLoadFile {
    /// Where the store is published.
    package let storePath: String
    /// Where it is built: `storePath` + `.first-load`.
    package let path: String
    /// The open file that holds the lock; -1 once released.
    private var descriptor: Int32

    private init(storePath: String, path: String, descriptor: Int32) {
        self.storePath = storePath
        self.path = path
        self.descriptor = descriptor
    }

    deinit { discard() }

    /// The path a first load of `storePath` builds in.
    package static func path(for storePath: String) -> String { storePath + ".first-load" }

    /// Takes the first load's lock for `storePath`, waiting up to `lockTimeoutSeconds`, and returns the
    /// emptied file to build in; nil when the store exists (from the start, or made by the run that held
    /// the lock meanwhile), which the caller then opens as usual.
    ///
    /// - Throws: `DatabaseError`: `SQLITE_BUSY` when another first load holds the lock past the timeout,
    ///   `SQLITE_CANTOPEN` when the file cannot be made (no such folder, no permission, a symbolic link).
    package static func claim(storePath: String, lockTimeoutSeconds: Double) throws(DatabaseError) -> FirstLoadFile? {
        guard !exists(storePath) else { return nil }
        let path = path(for: storePath)
        var descriptor: Int32
        repeat {
            descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else {
            throw failure(SQLITE_CANTOPEN, "cannot create the file a first load is built in", path: path)
        }
        let file = FirstLoadFile(storePath: storePath, path: path, descriptor: descriptor)
        let deadline = Date().addingTimeInterval(max(lockTimeoutSeconds, 0))
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                file.release()
                throw DatabaseError(
                    resultCode: SQLITE_BUSY,
                    message: "another run is loading the store for the first time (\(path) is locked): \(storePath)")
            }
            usleep(20_000)
        }
        // The run that held the lock may have published the store meanwhile.
        if exists(storePath) {
            file.discard()
            return nil
        }
        // What a crashed first load left is emptied, its own log files with it.
        guard ftruncate(descriptor, 0) == 0 else {
            let error = failure(SQLITE_CANTOPEN, "cannot empty the file a first load is built in", path: path)
            file.discard()
            throw error
        }
        for suffix in ["-wal", "-shm", "-journal"] { unlink(path + suffix) }
        return file
    }

    /// Makes the built file the store: syncs it, links it at `storePath` (never over a file there), removes
    /// its building name and syncs the folder. Call once the store's connection to `path` is closed.
    ///
    /// - Throws: `DatabaseError`: `SQLITE_BUSY` when a store appeared at `storePath` meanwhile (made by
    ///   something that does not take the first load's lock), which is left as it is; `SQLITE_IOERR` when
    ///   the file cannot be synced or linked.
    package func publish() throws(DatabaseError) {
        guard descriptor >= 0 else {
            throw DatabaseError(resultCode: SQLITE_MISUSE, message: "the first load's file is already released")
        }
        guard fsync(descriptor) == 0 else {
            throw Self.failure(SQLITE_IOERR, "cannot sync the first load's file", path: path)
        }
        guard link(path, storePath) == 0 else {
            if errno == EEXIST {
                throw DatabaseError(
                    resultCode: SQLITE_BUSY,
                    message:
                        "a store was created at its path while this run loaded it; nothing of this run was kept: \(storePath)"
                )
            }
            throw Self.failure(SQLITE_IOERR, "cannot link the first load's file to the store's path", path: storePath)
        }
        unlink(path)
        Self.syncFolder(of: storePath)
        release()
    }

    /// Removes the file, and any log files beside it, and releases the lock: the run did not commit.
    package func discard() {
        guard descriptor >= 0 else { return }
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
        release()
    }

    /// Closes the file, which releases the lock.
    private func release() {
        guard descriptor >= 0 else { return }
        closeFile(descriptor)
        descriptor = -1
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Syncs the folder that holds `path`, so that the new name survives a power cut.
    private static func syncFolder(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        closeFile(descriptor)
    }

    private static func failure(_ code: Int32, _ what: String, path: String) -> DatabaseError {
        DatabaseError(resultCode: code, message: "\(what): \(String(cString: strerror(errno))): \(path)")
    }
}
