/// Transcodes the raw input, chunk by chunk, to UTF-8 for the CSV state machine.
///
/// Sequences cut across two chunks (a UTF-8 sequence, a UTF-16 code unit or surrogate pair) are carried over
/// to the next chunk. Ill-formed input becomes U+FFFD, never an error.
package struct TextDecoder {
    /// How bytes are turned into UTF-8.
    package enum Mode: Equatable {
        /// Already known to be valid UTF-8: copied as is.
        case passThrough
        /// UTF-8 that may hold ill-formed sequences: each maximal subpart becomes U+FFFD.
        case utf8Replacing
        /// UTF-16 in the given byte order; lone surrogates become U+FFFD.
        case utf16(bigEndian: Bool)
        /// Windows-1256 through ``Windows1256``'s table.
        case windows1256
    }

    /// The largest output of ``decode(_:into:)`` for `inputCount` bytes of input, or of ``finish(into:)``.
    package static func outputCapacity(forInputCount inputCount: Int) -> Int {
        inputCount * 3 + 16
    }

    private let mode: Mode
    /// Bytes still to drop at the start of the data (the byte order mark).
    private var bytesToSkip: Int
    /// The start of a UTF-8 sequence, or the first byte of a UTF-16 code unit, from the previous chunk.
    private var carry: [UInt8] = []
    /// A UTF-16 high surrogate waiting for its low half.
    private var pendingHighSurrogate: UInt32?

    package init(mode: Mode, bytesToSkip: Int) {
        self.mode = mode
        self.bytesToSkip = bytesToSkip
        carry.reserveCapacity(4)
    }

    /// Decodes `input` into `output` (room for ``outputCapacity(forInputCount:)`` bytes); returns the count written.
    package mutating func decode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        guard let base = input.baseAddress else { return 0 }
        var start = 0
        if bytesToSkip > 0 {
            start = min(bytesToSkip, input.count)
            bytesToSkip -= start
        }
        switch mode {
        case .passThrough:
            let count = input.count - start
            if count > 0 { output.update(from: base + start, count: count) }
            return max(count, 0)
        case .utf8Replacing:
            return decodeUTF8(base, from: start, end: input.count, into: output)
        case .utf16(let bigEndian):
            return decodeUTF16(base, from: start, end: input.count, bigEndian: bigEndian, into: output)
        case .windows1256:
            return decodeWindows1256(base, from: start, end: input.count, into: output)
        }
    }

    /// Flushes what the end of data leaves incomplete (as U+FFFD); returns the count written.
    package mutating func finish(into output: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        if !carry.isEmpty {
            carry.removeAll()
            written = Self.writeReplacement(output, at: written)
        }
        if pendingHighSurrogate != nil {
            pendingHighSurrogate = nil
            written = Self.writeReplacement(output, at: written)
        }
        return written
    }

    // MARK: - UTF-8

    private mutating func decodeUTF8(
        _ input: UnsafePointer<UInt8>, from start: Int, end: Int, into output: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var index = start
        var written = 0
        // Finish a sequence begun in the previous chunk, one byte at a time.
        while !carry.isEmpty, index < end {
            carry.append(input[index])
            index += 1
            let verdict = carry.withUnsafeBufferPointer {
                UTF8Validation.sequence(at: 0, in: $0.baseAddress!, end: $0.count)
            }
            switch verdict {
            case .valid:
                for byte in carry {
                    output[written] = byte
                    written += 1
                }
                carry.removeAll(keepingCapacity: true)
            case .incomplete:
                continue
            case .invalid:
                // The byte just added is not part of the sequence: the carried prefix is one maximal subpart.
                index -= 1
                written = Self.writeReplacement(output, at: written)
                carry.removeAll(keepingCapacity: true)
            }
        }
        while index < end {
            while index + 8 <= end {
                let word = UnsafeRawPointer(input + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                UnsafeMutableRawPointer(output + written).storeBytes(of: word, as: UInt64.self)
                index += 8
                written += 8
            }
            guard index < end else { break }
            let byte = input[index]
            if byte < 0x80 {
                output[written] = byte
                written += 1
                index += 1
                continue
            }
            switch UTF8Validation.sequence(at: index, in: input, end: end) {
            case .valid(let length):
                output.advanced(by: written).update(from: input + index, count: length)
                written += length
                index += length
            case .incomplete:
                carry.append(contentsOf: UnsafeBufferPointer(start: input + index, count: end - index))
                index = end
            case .invalid(let length):
                written = Self.writeReplacement(output, at: written)
                index += length
            }
        }
        return written
    }

    // MARK: - UTF-16

    private mutating func decodeUTF16(
        _ input: UnsafePointer<UInt8>, from start: Int, end: Int, bigEndian: Bool,
        into output: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var index = start
        var written = 0
        while index < end {
            let unit: UInt32
            if let first = carry.first {
                carry.removeAll(keepingCapacity: true)
                unit = Self.codeUnit(first, input[index], bigEndian: bigEndian)
                index += 1
            } else if index + 1 < end {
                unit = Self.codeUnit(input[index], input[index + 1], bigEndian: bigEndian)
                index += 2
            } else {
                carry.append(input[index])
                break
            }
            if let high = pendingHighSurrogate {
                pendingHighSurrogate = nil
                if unit >= 0xDC00, unit <= 0xDFFF {
                    let scalar = 0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00)
                    written = Self.writeScalar(scalar, output, at: written)
                    continue
                }
                written = Self.writeReplacement(output, at: written)
            }
            switch unit {
            case 0xD800...0xDBFF:
                pendingHighSurrogate = unit
            case 0xDC00...0xDFFF:
                written = Self.writeReplacement(output, at: written)
            default:
                written = Self.writeScalar(unit, output, at: written)
            }
        }
        return written
    }

    @inline(__always)
    private static func codeUnit(_ first: UInt8, _ second: UInt8, bigEndian: Bool) -> UInt32 {
        bigEndian ? UInt32(first) << 8 | UInt32(second) : UInt32(second) << 8 | UInt32(first)
    }

    // MARK: - Windows-1256

    private func decodeWindows1256(
        _ input: UnsafePointer<UInt8>, from start: Int, end: Int, into output: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var written = 0
        Windows1256.utf8Table.withUnsafeBufferPointer { table in
            for index in start..<end {
                let byte = input[index]
                if byte < 0x80 {
                    output[written] = byte
                    written += 1
                } else {
                    let slot = Int(byte) &* 4
                    let length = Int(table[slot])
                    for offset in 1...length {
                        output[written] = table[slot + offset]
                        written += 1
                    }
                }
            }
        }
        return written
    }

    // MARK: - Writing

    @inline(__always)
    private static func writeReplacement(_ output: UnsafeMutablePointer<UInt8>, at offset: Int) -> Int {
        output[offset] = 0xEF
        output[offset + 1] = 0xBF
        output[offset + 2] = 0xBD
        return offset + 3
    }

    @inline(__always)
    private static func writeScalar(_ scalar: UInt32, _ output: UnsafeMutablePointer<UInt8>, at offset: Int) -> Int {
        if scalar < 0x80 {
            output[offset] = UInt8(scalar)
            return offset + 1
        } else if scalar < 0x800 {
            output[offset] = UInt8(0xC0 | (scalar >> 6))
            output[offset + 1] = UInt8(0x80 | (scalar & 0x3F))
            return offset + 2
        } else if scalar < 0x10000 {
            output[offset] = UInt8(0xE0 | (scalar >> 12))
            output[offset + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            output[offset + 2] = UInt8(0x80 | (scalar & 0x3F))
            return offset + 3
        } else {
            output[offset] = UInt8(0xF0 | (scalar >> 18))
            output[offset + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            output[offset + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            output[offset + 3] = UInt8(0x80 | (scalar & 0x3F))
            return offset + 4
        }
    }
}
