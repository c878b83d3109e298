/// PostgreSQL's COPY text format (the documentation's "COPY", "Text Format"): one row per line, fields
/// separated by tabs, `\N` for NULL, and backslash escapes for the bytes that would break the layout.
public enum PostgresCopyText {
    /// Appends `value` escaped to `buffer`: backslash, tab, line feed and carriage return become `\\`,
    /// `\t`, `\n` and `\r`; every other byte is copied (a value `\.` becomes `\\.`, never the end marker).
    /// Returns `false`, appending nothing, when `value` holds a NUL byte, which no text value can hold.
    @inlinable
    public static func appendEscaped(_ value: some Sequence<UInt8>, to buffer: inout [UInt8]) -> Bool {
        let start = buffer.count
        for byte in value {
            let escaped: UInt8
            switch byte {
            case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
            case UInt8(ascii: "\t"): escaped = UInt8(ascii: "t")
            case UInt8(ascii: "\n"): escaped = UInt8(ascii: "n")
            case UInt8(ascii: "\r"): escaped = UInt8(ascii: "r")
            case 0:
                buffer.removeSubrange(start...)
                return false
            default:
                buffer.append(byte)
                continue
            }
            buffer.append(UInt8(ascii: "\\"))
            buffer.append(escaped)
        }
        return true
    }

    /// The line `fields` make, with its line feed: for tests and small tables.
    public static func line(_ fields: [String?]) -> [UInt8]? {
        var buffer: [UInt8] = []
        for (offset, field) in fields.enumerated() {
            if offset > 0 {
                buffer.append(UInt8(ascii: "\t"))
            }
            if let field {
                guard appendEscaped(field.utf8, to: &buffer) else {
                    return nil
                }
            } else {
                buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
            }
        }
        buffer.append(UInt8(ascii: "\n"))
        return buffer
    }

    /// The fields of one line of COPY text output (with or without its line feed), unescaped: `\N` alone is
    /// NULL; `\b`, `\f`, `\n`, `\r`, `\t`, `\v`, octal `\ooo` and hexadecimal `\xhh` are decoded, and a
    /// backslash before any other byte stands for that byte.
    public static func fields(ofLine line: some Collection<UInt8>) -> [String?] {
        var bytes = Array(line)
        if bytes.last == UInt8(ascii: "\n") {
            bytes.removeLast()
        }
        var fields: [String?] = []
        var field: [UInt8] = []
        var index = 0
        var rawFieldStart = 0
        func finishField(end: Int) {
            let raw = bytes[rawFieldStart..<end]
            let isNull = raw.elementsEqual([UInt8(ascii: "\\"), UInt8(ascii: "N")])
            fields.append(isNull ? nil : String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\t") {
                finishField(end: index)
                index += 1
                rawFieldStart = index
            } else if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                index = decodeEscape(in: bytes, at: index + 1, into: &field)
            } else {
                field.append(byte)
                index += 1
            }
        }
        finishField(end: bytes.count)
        return fields
    }

    /// Decodes the escape whose first byte after the backslash is at `index`; returns the index after it.
    private static func decodeEscape(in bytes: [UInt8], at index: Int, into field: inout [UInt8]) -> Int {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "b"): field.append(0x08)
        case UInt8(ascii: "f"): field.append(0x0C)
        case UInt8(ascii: "n"): field.append(0x0A)
        case UInt8(ascii: "r"): field.append(0x0D)
        case UInt8(ascii: "t"): field.append(0x09)
        case UInt8(ascii: "v"): field.append(0x0B)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = 0
            var cursor = index
            let octal = UInt8(ascii: "0")...UInt8(ascii: "7")
            while cursor < bytes.count, cursor < index + 3, octal.contains(bytes[cursor]) {
                value = value * 8 + Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
            }
            field.append(UInt8(truncatingIfNeeded: value))
            return cursor
        case UInt8(ascii: "x"):
            var value = 0
            var cursor = index + 1
            while cursor < bytes.count, cursor < index + 3, let digit = hexDigit(bytes[cursor]) {
                value = value * 16 + digit
                cursor += 1
            }
            guard cursor > index + 1 else {
                field.append(byte)
                return index + 1
            }
            field.append(UInt8(truncatingIfNeeded: value))
            return cursor
        default:
            field.append(byte)
        }
        return index + 1
    }

    private static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
