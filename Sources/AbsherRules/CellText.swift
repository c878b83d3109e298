import AbsherReading
import AbsherSchema
import Foundation

/// The normalisation every cell goes through before a rule sees it (contract §2.5): surrounding
/// whitespace trimmed, inner runs of whitespace collapsed to one space, Unicode NFC.
public enum CellText {
    /// Trims surrounding whitespace (ASCII and Unicode spaces, NBSP included) and the bidi marks
    /// LRM, RLM and ALM (U+200E, U+200F, U+061C) at the ends, collapses inner whitespace runs to one
    /// ASCII space and normalises to NFC. Returns nil when nothing is left (a missing value).
    ///
    /// Pure-ASCII cells take a byte fast path and never touch Foundation; non-ASCII cells made only
    /// of characters that NFC leaves alone (ASCII, Latin-1, Latin Extended-A, Arabic letters and
    /// digits) skip the normaliser too. Bytes that are not valid UTF-8 decode as U+FFFD.
    public static func normalize(_ bytes: ArraySlice<UInt8>) -> String? {
        // The scan below reads the bytes through a pointer: the slice's own subscript checks every index.
        let found: (start: Int, end: Int, isASCII: Bool, needsRewrite: Bool)? = bytes.withUnsafeBufferPointer {
            buffer in
            var start = 0
            var end = buffer.count
            // Fast ASCII trim; stop at the first non-ASCII byte on either side.
            while start < end, isASCIISpace(buffer[start]) { start += 1 }
            while end > start, isASCIISpace(buffer[end - 1]) { end -= 1 }
            if start == end { return nil }
            var needsRewrite = false
            var previousWasSpace = false
            for index in start..<end {
                let byte = buffer[index]
                if byte >= 0x80 { return (start, end, false, needsRewrite) }
                if isASCIISpace(byte) {
                    if previousWasSpace || byte != 0x20 { needsRewrite = true }
                    previousWasSpace = true
                } else {
                    previousWasSpace = false
                }
            }
            return (start, end, true, needsRewrite)
        }
        guard let found else { return nil }
        let trimmed = bytes[(bytes.startIndex + found.start)..<(bytes.startIndex + found.end)]
        if found.isASCII {
            if !found.needsRewrite { return String(decoding: trimmed, as: UTF8.self) }
            return collapsedASCII(trimmed)
        }
        return normalizedUnicode(trimmed)
    }

    /// Whether the byte is ASCII whitespace: space, TAB, LF, VT, FF, CR.
    @inline(__always)
    package static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Whether the scalar value counts as whitespace (Unicode White_Space, NBSP and NEL included).
    @inline(__always)
    package static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Whether the scalar value is a space or a bidi mark stripped at the ends of a cell (LRM, RLM, ALM).
    @inline(__always)
    package static func isTrimmed(_ value: UInt32) -> Bool {
        value == 0x200E || value == 0x200F || value == 0x061C || isSpace(value)
    }

    /// Whether NFC leaves the scalar unchanged whatever surrounds it: it has no canonical
    /// decomposition that NFC alters, combining class 0, and never composes with a preceding
    /// character. Checked against Python's `unicodedata` for every scalar of these ranges.
    @inline(__always)
    package static func isNFCInert(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x017F, 0x0600...0x060F, 0x061B...0x064A, 0x0660...0x066F, 0x0671...0x06D5,
            0x06EE...0x06FF, 0x2002...0x206F:
            return true
        default:
            return false
        }
    }

    /// The scalar value and length of the UTF-8 sequence at `index` of valid UTF-8.
    @inline(__always)
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = utf8[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            return (
                UInt32(lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F), 3
            )
        }
        return (
            UInt32(lead & 0x07) << 18 | UInt32(utf8[index + 1] & 0x3F) << 12 | UInt32(utf8[index + 2] & 0x3F) << 6
                | UInt32(utf8[index + 3] & 0x3F), 4
        )
    }

    /// Collapses ASCII whitespace runs to one space in an already trimmed ASCII slice.
    private static func collapsedASCII(_ bytes: ArraySlice<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var count = 0
            var previousWasSpace = false
            for byte in bytes {
                if isASCIISpace(byte) {
                    if !previousWasSpace {
                        buffer[count] = 0x20
                        count += 1
                    }
                    previousWasSpace = true
                } else {
                    buffer[count] = byte
                    count += 1
                    previousWasSpace = false
                }
            }
            return count
        }
    }

    /// The general path, over the bytes of the decoded (so valid) UTF-8: trim spaces and bidi marks,
    /// collapse, then NFC when a character that NFC might change is present.
    private static func normalizedUnicode(_ bytes: ArraySlice<UInt8>) -> String? {
        var decoded = String(decoding: bytes, as: UTF8.self)
        let (text, isEmpty, isInert): (String?, Bool, Bool) = decoded.withUTF8 { utf8 in
            var lower = 0
            var upper = utf8.count
            while lower < upper {
                let (value, length) = decode(utf8, at: lower)
                guard isTrimmed(value) else { break }
                lower += length
            }
            while lower < upper {
                var start = upper - 1
                while utf8[start] & 0xC0 == 0x80 { start -= 1 }
                guard isTrimmed(decode(utf8, at: start).value) else { break }
                upper = start
            }
            if lower == upper { return (nil, true, true) }
            var needsCollapse = false
            var isInert = true
            var previousWasSpace = false
            var index = lower
            while index < upper {
                let (value, length) = decode(utf8, at: index)
                if isSpace(value) {
                    if previousWasSpace || value != 0x20 { needsCollapse = true }
                    previousWasSpace = true
                } else {
                    previousWasSpace = false
                    if isInert, !isNFCInert(value) { isInert = false }
                }
                index += length
            }
            if !needsCollapse {
                if lower == 0, upper == utf8.count { return (nil, false, isInert) }  // the decoded text as it is
                let trimmed = String(decoding: UnsafeBufferPointer(rebasing: utf8[lower..<upper]), as: UTF8.self)
                return (trimmed, false, isInert)
            }
            let collapsed = String(unsafeUninitializedCapacity: upper - lower) { buffer in
                var count = 0
                var previousWasSpace = false
                var index = lower
                while index < upper {
                    let (value, length) = decode(utf8, at: index)
                    if isSpace(value) {
                        if !previousWasSpace {
                            buffer[count] = 0x20
                            count += 1
                        }
                        previousWasSpace = true
                    } else {
                        for offset in 0..<length { buffer[count + offset] = utf8[index + offset] }
                        count += length
                        previousWasSpace = false
                    }
                    index += length
                }
                return count
            }
            return (collapsed, false, isInert)
        }
        if isEmpty { return nil }
        let result = text ?? decoded
        return isInert ? result : result.precomposedStringWithCanonicalMapping
    }
}
