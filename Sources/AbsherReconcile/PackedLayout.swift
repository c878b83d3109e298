import Foundation

/// Where a `PackedKey` splits its `UInt64`.
package protocol PackedLayout {
    /// The bits of the `low` part, the `high` part taking the rest.
    static var lowBits: UInt64 { get }
}
