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

    /// Appends `text.lowercased()`, without making that `String` when `text` is ASCII (the common case).
    package mutating func appendLowercased(_ text: String) -> TextRef {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        let isASCII = bytes.withUnsafeMutableBufferPointer { buffer in
            for index in start..<buffer.count {
                let byte = buffer[index]
                if byte >= 0x80 { return false }
                if byte >= 0x41 && byte <= 0x5A { buffer[index] = byte | 0x20 }
            }
            return true
        }
        guard isASCII else {
            bytes.removeLast(bytes.count - start)
            return append(text.lowercased())
        }
        return TextRef(
            offset: UInt32(truncatingIfNeeded: start), length: UInt32(truncatingIfNeeded: bytes.count - start))
    }

    /// Makes room for `count` bytes in all, so that an arena filled to about that size is never copied to a
    /// larger one (each doubling copies all of it, and holds both copies at once). Room never written takes no
    /// memory of the machine's, only addresses.
    package mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(min(count, Int(UInt32.max)))
    }

    /// Appends `count` bytes from `source`.
    package mutating func append(_ source: UnsafePointer<UInt8>, count: Int) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: source, count: count))
    }

    /// Where the next bytes appended will start.
    package var end: UInt32 { UInt32(truncatingIfNeeded: bytes.count) }

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
