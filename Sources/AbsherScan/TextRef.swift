import AbsherReading
import AbsherRules
import AbsherSchema
import AbsherSupport

/// Where a text sits in a `TextArena`; length 0 means none.
package struct TextRef: Sendable, Hashable {
    package var offset: UInt32
    package var length: UInt32

    package static let none = TextRef(offset: 0, length: 0)
    package var isNone: Bool { length == 0 }
}
