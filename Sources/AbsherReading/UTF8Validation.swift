/// UTF-8 well-formedness per the Unicode Standard, table 3-7, over raw bytes.
package enum UTF8Validation {
    /// What starts at one position of a byte buffer.
    package enum Sequence {
        /// A well-formed sequence of this many bytes.
        case valid(Int)
        /// A well-formed prefix that the buffer cuts short; more data is needed to decide.
        case incomplete
        /// An ill-formed sequence; its maximal subpart (replaced by one U+FFFD) has this many bytes.
        case invalid(Int)
    }

    /// Classifies the sequence at `start` (a non-ASCII byte) with `end` the buffer's end.
    @inline(__always)
    package static func sequence(at start: Int, in buffer: UnsafePointer<UInt8>, end: Int) -> Sequence {
        let lead = buffer[start]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return .invalid(1)
        }
        var index = 1
        while index < length {
            guard start + index < end else { return .incomplete }
            let byte = buffer[start + index]
            if index == 1 {
                guard byte >= low, byte <= high else { return .invalid(1) }
            } else {
                guard byte >= 0x80, byte <= 0xBF else { return .invalid(index) }
            }
            index += 1
        }
        return .valid(length)
    }

    /// Checks `count` bytes of a stream; returns how many trailing bytes form an incomplete sequence
    /// (to be checked again with the next chunk), or `nil` if the bytes are not UTF-8.
    package static func check(_ buffer: UnsafePointer<UInt8>, count: Int) -> Int? {
        var index = 0
        while index < count {
            // ASCII fast path, 8 bytes at a time.
            while index + 8 <= count {
                let word = UnsafeRawPointer(buffer + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < count else { break }
            if buffer[index] < 0x80 {
                index += 1
                continue
            }
            switch sequence(at: index, in: buffer, end: count) {
            case .valid(let length): index += length
            case .incomplete: return count - index
            case .invalid: return nil
            }
        }
        return 0
    }
}
