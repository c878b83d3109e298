import Foundation

/// The normalisation every cell goes through before a rule sees it (SPEC section 2): surrounding
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
        var start = bytes.startIndex
        var end = bytes.endIndex
        var isASCII = true
        // Fast ASCII trim; stop at the first non-ASCII byte on either side.
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        if start == end { return nil }
        var needsRewrite = false
        var previousWasSpace = false
        for index in start..<end {
            let byte = bytes[index]
            if byte >= 0x80 {
                isASCII = false
                break
            }
            if isASCIISpace(byte) {
                if previousWasSpace || byte != 0x20 { needsRewrite = true }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
        }
        if isASCII {
            let trimmed = bytes[start..<end]
            if !needsRewrite { return String(decoding: trimmed, as: UTF8.self) }
            return collapsedASCII(trimmed)
        }
        return normalizedUnicode(bytes[start..<end])
    }

    /// Whether the byte is ASCII whitespace: space, TAB, LF, VT, FF, CR.
    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// Whether the scalar counts as whitespace (Unicode White_Space, NBSP and NEL included).
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Whether the scalar is a bidi mark stripped at the ends of a cell (LRM, RLM, ALM).
    @inline(__always)
    static func isBidiMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }

    /// Whether NFC leaves the scalar unchanged whatever surrounds it: it has no canonical
    /// decomposition that NFC alters, combining class 0, and never composes with a preceding
    /// character. Checked against Python's `unicodedata` for every scalar of these ranges.
    @inline(__always)
    static func isNFCInert(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x017F, 0x0600...0x060F, 0x061B...0x064A, 0x0660...0x066F, 0x0671...0x06D5,
            0x06EE...0x06FF, 0x2002...0x206F:
            return true
        default:
            return false
        }
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

    /// The general path: decode, trim spaces and bidi marks, collapse, then NFC when needed.
    private static func normalizedUnicode(_ bytes: ArraySlice<UInt8>) -> String? {
        let decoded = String(decoding: bytes, as: UTF8.self)
        let scalars = decoded.unicodeScalars
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, isSpace(scalars[lower]) || isBidiMark(scalars[lower]) {
            lower = scalars.index(after: lower)
        }
        while lower < upper {
            let before = scalars.index(before: upper)
            guard isSpace(scalars[before]) || isBidiMark(scalars[before]) else { break }
            upper = before
        }
        if lower == upper { return nil }
        var result = String.UnicodeScalarView()
        var previousWasSpace = false
        var inert = true
        for scalar in scalars[lower..<upper] {
            if isSpace(scalar) {
                if !previousWasSpace { result.append(" ") }
                previousWasSpace = true
            } else {
                result.append(scalar)
                previousWasSpace = false
                if inert, !isNFCInert(scalar) { inert = false }
            }
        }
        let text = String(result)
        return inert ? text : text.precomposedStringWithCanonicalMapping
    }
}
