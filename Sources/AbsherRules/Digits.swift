import AbsherReading
import AbsherSchema

/// Digit normalisation (contract §2.5): Arabic-Indic (U+0660–0669) and Extended Arabic-Indic
/// (U+06F0–06F9) digits read as ASCII digits in IDs, mobiles and dates.
public enum Digits {
    /// The text with every Arabic-Indic and Extended Arabic-Indic digit replaced by its ASCII digit;
    /// all other text unchanged. Returns the text itself (no copy) when it holds no such digit.
    public static func asciiDigits(_ text: String) -> String {
        let utf8 = text.utf8
        // Both digit blocks encode as a two-byte sequence with lead byte 0xD9 or 0xDB.
        guard utf8.contains(where: { $0 == 0xD9 || $0 == 0xDB }) else { return text }
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var index = 0
            for byte in NormalizedBytes(utf8) {
                buffer[index] = byte
                index += 1
            }
            return index
        }
    }

    /// The ASCII digit (0x30...0x39) that the two-byte UTF-8 sequence `lead trail` encodes as an
    /// Arabic-Indic or Extended Arabic-Indic digit, or nil.
    @inline(__always)
    package static func asciiDigit(lead: UInt8, trail: UInt8) -> UInt8? {
        if lead == 0xD9, trail >= 0xA0, trail <= 0xA9 { return trail &- 0xA0 &+ 0x30 }  // U+0660–0669
        if lead == 0xDB, trail >= 0xB0, trail <= 0xB9 { return trail &- 0xB0 &+ 0x30 }  // U+06F0–06F9
        return nil
    }

    /// The ASCII digit byte of an ASCII, Arabic-Indic or Extended Arabic-Indic digit, or nil.
    package static func asciiDigit(of scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x30...0x39: UInt8(scalar.value)
        case 0x0660...0x0669: UInt8(scalar.value - 0x0660 + 0x30)
        case 0x06F0...0x06F9: UInt8(scalar.value - 0x06F0 + 0x30)
        default: nil
        }
    }

    /// The UTF-8 bytes of a text with each Arabic digit folded into one ASCII digit byte; every other
    /// byte passes through unchanged, so a non-ASCII byte (>= 0x80) still marks non-digit text.
    package struct NormalizedBytes: Sequence, IteratorProtocol {
        private var base: String.UTF8View.Iterator
        private var pending: UInt8?

        package init(_ utf8: String.UTF8View) {
            base = utf8.makeIterator()
        }

        package mutating func next() -> UInt8? {
            if let byte = pending {
                pending = nil
                return byte
            }
            guard let byte = base.next() else { return nil }
            guard byte == 0xD9 || byte == 0xDB else { return byte }
            guard let trail = base.next() else { return byte }
            if let digit = Digits.asciiDigit(lead: byte, trail: trail) { return digit }
            pending = trail
            return byte
        }
    }

    /// The value of a run of ASCII digits (no check: the caller knows they are digits).
    @inlinable public static func number(_ digits: String) -> UInt64 {
        // Over the string's bytes at once (an ID is a small string): not one `utf8` step a byte.
        var digits = digits
        return digits.withUTF8 { number($0) }
    }

    /// The value of a run of ASCII digits (no check: the caller knows they are digits).
    @inlinable public static func number<Bytes: Sequence<UInt8>>(_ digits: Bytes) -> UInt64 {
        var value: UInt64 = 0
        for byte in digits { value = value &* 10 &+ UInt64(byte &- 0x30) }
        return value
    }
}
