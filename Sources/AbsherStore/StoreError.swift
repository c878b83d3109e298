/// An engine's error that knows which `StoreFailure` it is.
public protocol StoreError: Error, CustomStringConvertible {
    var failure: StoreFailure { get }
    /// The engine's own words, without SQL or bound values.
    var message: String { get }
}
