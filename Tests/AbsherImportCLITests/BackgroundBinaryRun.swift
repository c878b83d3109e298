import AbsherImport
import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// A `BinaryRun` on its own thread, so that a test can start a second process while the first one works.
final class BackgroundBinaryRun: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Result<BinaryRun, any Error>?

    init(_ arguments: [String], in folder: URL? = nil, environment: [String: String?] = [:]) {
        let thread = Thread { [self] in
            let outcome = Result { try BinaryRun.run(arguments, in: folder, environment: environment) }
            lock.withLock { result = outcome }
            done.signal()
        }
        thread.start()
    }

    /// Waits for the process to end and returns its run.
    func wait() throws -> BinaryRun {
        done.wait()
        done.signal()
        return try lock.withLock { result! }.get()
    }

    /// Whether another connection holds the store's write lock now: `BEGIN IMMEDIATE` fails at once with
    /// `SQLITE_BUSY`. When it does not, the probe takes the lock for an instant and rolls back, so the process
    /// under test must wait for locks (`--lock-timeout` above 0).
    static func storeIsLocked(_ path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        do {
            let database = try Database(path: path, busyTimeoutMilliseconds: 0)
            defer { database.close() }
            try database.inTransaction(.immediate) { .rollback }
            return false
        } catch let error as DatabaseError {
            return error.isBusy
        } catch {
            return false
        }
    }

    /// Polls `storeIsLocked` until it holds or `seconds` pass; returns whether it held.
    static func waitUntilLocked(_ path: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if storeIsLocked(path) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }
}
