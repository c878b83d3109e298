import PostgresClient

/// The rows of a `COPY … TO STDOUT` in text format as byte buffers, without a `String` per value: each
/// line is unescaped (`\\`, `\t`, `\n`, `\r`, `\b`, `\f`, `\v`, the only escapes the server writes) into a
/// reused buffer and split at its tabs. NULL (`\N`) is an empty buffer; the callers read NOT NULL columns.
enum CopyLines {
    /// Calls `body` with the fields of every row; the buffers are valid only during the call.
    static func forEach(
        _ connection: PostgresConnection, _ sql: String, _ body: ([UnsafeBufferPointer<UInt8>]) throws -> Void
    ) throws {
        var scratch: [UInt8] = []
        var ends: [Int] = []
        var fields: [UnsafeBufferPointer<UInt8>] = []
        try connection.copyOut(sql) { line in
            scratch.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            split(line, into: &scratch, ends: &ends)
            try scratch.withUnsafeBufferPointer { bytes in
                fields.removeAll(keepingCapacity: true)
                var start = 0
                for end in ends {
                    fields.append(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    start = end
                }
                try body(fields)
            }
        }
    }

    /// Unescapes `line` into `scratch`, recording where each field ends.
    private static func split(_ line: UnsafeBufferPointer<UInt8>, into scratch: inout [UInt8], ends: inout [Int]) {
        var index = 0
        let count = line.last == UInt8(ascii: "\n") ? line.count - 1 : line.count
        var fieldStart = 0
        while index < count {
            let byte = line[index]
            if byte == UInt8(ascii: "\t") {
                ends.append(scratch.count)
                fieldStart = index + 1
            } else if byte == UInt8(ascii: "\\"), index + 1 < count {
                index += 1
                let escaped = line[index]
                if escaped == UInt8(ascii: "N"), index == fieldStart + 1 {
                    // NULL: nothing.
                } else {
                    scratch.append(unescaped(escaped))
                }
            } else {
                scratch.append(byte)
            }
            index += 1
        }
        ends.append(scratch.count)
    }

    private static func unescaped(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "v"): return 0x0B
        default: return byte
        }
    }

    /// A signed decimal integer's value (a `bigint` column).
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64 {
        var value: Int64 = 0
        var negative = false
        for byte in bytes {
            if byte == UInt8(ascii: "-") {
                negative = true
            } else {
                value = value &* 10 &+ Int64(byte &- UInt8(ascii: "0"))
            }
        }
        return negative ? 0 &- value : value
    }
}
