import AbsherReading
import AbsherRules
import AbsherSchema
import AbsherSupport

/// The bytes of many short texts end to end: one allocation instead of one `String` each.
public struct TextArena: Sendable {
    public private(set) var bytes: [UInt8] = []

    package init() {}

    package mutating func append(_ text: String) -> TextRef {
        let offset = UInt32(truncatingIfNeeded: bytes.count)
        bytes.append(contentsOf: text.utf8)
        return TextRef(offset: offset, length: UInt32(truncatingIfNeeded: bytes.count) &- offset)
    }

    /// Appends two byte strings end to end and returns where the first starts.
    package mutating func append(bytes first: ArraySlice<UInt8>, _ second: ArraySlice<UInt8>) -> UInt32 {
        let offset = UInt32(truncatingIfNeeded: bytes.count)
        bytes.append(contentsOf: first)
        bytes.append(contentsOf: second)
        return offset
    }

    package func string(_ ref: TextRef) -> String {
        String(decoding: bytes[Int(ref.offset)..<Int(ref.offset + ref.length)], as: UTF8.self)
    }

    @inlinable public func bytes(_ ref: TextRef) -> ArraySlice<UInt8> {
        bytes[Int(ref.offset)..<Int(ref.offset + ref.length)]
    }

    /// FNV-1a 64 of the text: equal texts hash equal.
    @inlinable public func hash(_ ref: TextRef) -> UInt64 { Self.hash(bytes(ref)) }

    /// FNV-1a 64 of any bytes (the store's usernames are hashed the same way as the arena's).
    @inlinable public static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
