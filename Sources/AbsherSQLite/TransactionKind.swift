import AbsherRules
import AbsherSchema
import AbsherStore
import AbsherSupport
import CSQLite
import Foundation

/// How `Database.inTransaction(_:_:)` begins: `BEGIN DEFERRED`, `BEGIN IMMEDIATE` or `BEGIN EXCLUSIVE`.
///
/// Writers use `.immediate`: it takes the write lock at once, so a busy store fails (or waits for the busy
/// timeout) before any work, whereas a deferred transaction that later tries to write fails with
/// `SQLITE_BUSY` at the upgrade, where no timeout helps.
public enum TransactionKind: Sendable {
    case deferred, immediate, exclusive
}
