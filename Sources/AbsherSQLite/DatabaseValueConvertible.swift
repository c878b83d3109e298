import AbsherRules
import AbsherSchema
import AbsherStore
import AbsherSupport
import CSQLite

/// A value that `Statement.bind(_:)` can bind: `String`, `Int`, `Int64`, `Double`, `Bool`.
///
/// Kept next to `Statement`, its only user, as the store's files are fixed.
public protocol DatabaseValueConvertible {
    /// Binds the value at `index` (1-based) of `statement`.
    func bind(to statement: Statement, at index: Int32)
}
