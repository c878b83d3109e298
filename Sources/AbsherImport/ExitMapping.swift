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

/// The one place where an error of a stage becomes an exit code and a message (contract §7, exit codes).
package enum ExitMapping {
    /// An error of a read-only store command (`lookup`, `runs`, `export`): the store cannot be opened
    /// (missing, not SQLite, not a store): 73; its server cannot be reached or refuses the login: 69; cannot
    /// be read: 74; locked: 75; an export file or folder: 73 (create) or 74 (write). The store is named
    /// without its password.
    package static func storeCommandFailure(_ error: any Error, store: String) -> RunFailure {
        let store = StoreEngines.displayName(store)
        switch error {
        case let error as any StoreError:
            switch error.failure {
            case .locked: return RunFailure(.locked, "the store \(store) is locked: \(error.message)")
            case .cannotOpen: return RunFailure(.cannotCreate, "cannot open the store: \(error.message)")
            case .unavailable: return RunFailure(.unavailable, "the store's server is unavailable: \(error.message)")
            case .diskFull, .connectionLost, .other:
                return RunFailure(.ioError, "cannot read the store \(store): \(error)")
            }
        case let error as FileSystemError:
            return RunFailure(error.exitStatus, error.description)
        default:
            return RunFailure(.ioError, "\(error)")
        }
    }

    static func failure(for error: any Error) -> RunFailure {
        switch error {
        case let error as RunFailure:
            return error
        case let error as RunInterrupted:
            return RunFailure(error.signal == SIGINT ? .interrupted : .terminated, error.description)
        case let error as FileSystemError:
            return RunFailure(error.exitStatus, "\(error)")
        case let error as any StoreError:
            switch error.failure {
            case .locked: return RunFailure(.locked, "the store is locked by another run")
            case .unavailable: return RunFailure(.unavailable, "the store's server is unavailable: \(error.message)")
            case .connectionLost:
                return RunFailure(.ioError, "the connection to the store was lost; nothing was committed: \(error)")
            case .cannotOpen, .diskFull, .other: return RunFailure(.ioError, "the store cannot be written: \(error)")
            }
        case let error as CSVReadError:
            if case .unreadable(let path, let reason) = error {
                return RunFailure(.dataError, "\(RuleCode.fileUnreadable.code): \(reason)", file: path)
            }
            return RunFailure(.dataError, "\(error)")
        case let error as ReplayError:
            return RunFailure(.dataError, error.description)
        default:
            return RunFailure(.ioError, "\(error)")
        }
    }

    /// Another run holds the store: nothing was touched.
    static func lockedOutcome(_ options: RunOptions, runID: String, startedAt: Date) -> RunOutcome {
        var outcome = ImportRun.makeOutcome(options, runID: runID, startedAt: startedAt, scans: [])
        outcome.status = .failed
        outcome.exitStatus = .locked
        outcome.failure = RunFailure(
            .locked,
            "the store is locked by another run (waited \(options.lockTimeoutSeconds) s); nothing was touched",
            file: StoreEngines.displayName(options.storePath))
        outcome.endedAt = Date()
        return outcome
    }

    /// The store cannot be opened, created or migrated: nothing else is done and no report is written.
    static func storeOpenFailure(_ options: RunOptions, runID: String, startedAt: Date, error: any Error)
        -> RunOutcome
    {
        if let error = error as? any StoreError, error.failure == .locked {
            return lockedOutcome(options, runID: runID, startedAt: startedAt)
        }
        var outcome = ImportRun.makeOutcome(options, runID: runID, startedAt: startedAt, scans: [])
        outcome.status = .failed
        var failure = failure(for: error)
        let store = StoreEngines.displayName(options.storePath)
        if let error = error as? any StoreError {
            switch error.failure {
            case .unavailable:
                failure = RunFailure(.unavailable, "the store's server is unavailable: \(error.message)", file: store)
            case .diskFull, .connectionLost:
                failure = RunFailure(.ioError, "the store cannot be written: \(error.message)", file: store)
            case .locked, .cannotOpen, .other:
                failure = RunFailure(.cannotCreate, "cannot open the store: \(error.message)", file: store)
            }
        }
        outcome.exitStatus = failure.status
        outcome.failure = failure
        outcome.endedAt = Date()
        return outcome
    }
}
extension FileSystemError {
    package var exitStatus: ExitStatus {
        switch self {
        case .cannotCreate: return .cannotCreate
        case .cannotWrite: return .ioError
        }
    }
}
