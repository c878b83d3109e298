import AbsherRules
import AbsherSchema
import AbsherStore
import AbsherSupport
import CSQLite
import Foundation

/// One step of the store's schema: `sql` takes a store at `version - 1` to `version`.
public struct Migration: Sendable {
    /// The schema version after this step, as kept in `PRAGMA user_version`; versions count up from 1.
    public var version: Int
    /// The statements of the step, run by `Database.execute(_:)`.
    public var sql: String

    public init(version: Int, sql: String) {
        self.version = version
        self.sql = sql
    }
}
