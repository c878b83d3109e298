import AbsherReading
import AbsherRules
import AbsherSchema
import AbsherSupport

/// Where a text sits in a `TextArena`; length 0 means none.
public struct TextRef: Sendable, Hashable {
    public var offset: UInt32
    public var length: UInt32

    package static let none = TextRef(offset: 0, length: 0)
    package var isNone: Bool { length == 0 }
}
