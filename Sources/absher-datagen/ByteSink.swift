#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written through a reused 1 MiB buffer of bytes, with `write(2)` in a loop.
final class ByteSink {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 20
    private(set) var rows = 0

    init(path: String) throws(DataGenError) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw .cannotWrite(path) }
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    deinit {
        close(descriptor)
    }

    @inline(__always) func byte(_ value: UInt8) {
        buffer.append(value)
    }

    @inline(__always) func bytes(_ value: [UInt8]) {
        buffer.append(contentsOf: value)
    }

    func text(_ value: StaticString) {
        value.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    /// `value` in decimal, left-padded with zeros to `width` digits.
    func number(_ value: Int, width: Int = 1) {
        var digits: (UInt64, Int) = (0, 0)  // packed digits, count
        var rest = value
        repeat {
            digits.0 = digits.0 << 4 | UInt64(rest % 10)
            digits.1 += 1
            rest /= 10
        } while rest > 0
        if digits.1 < width {
            for _ in digits.1..<width { buffer.append(0x30) }
        }
        for _ in 0..<digits.1 {
            buffer.append(0x30 + UInt8(digits.0 & 0xF))
            digits.0 >>= 4
        }
    }

    /// `value` in decimal with Arabic-Indic digits (U+0660–0669), zero-padded to `width`.
    func arabicIndicNumber(_ value: Int, width: Int) {
        var ascii: [UInt8] = []
        var rest = value
        repeat {
            ascii.append(0x30 + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        while ascii.count < width { ascii.append(0x30) }
        for digit in ascii.reversed() {
            // U+0660 + d is D9 A0+d in UTF-8.
            buffer.append(0xD9)
            buffer.append(0xA0 + (digit - 0x30))
        }
    }

    /// `value`'s bytes lower-cased, keeping only ASCII letters, at most `limit` of them.
    func lowercasedLetters(_ value: [UInt8], limit: Int = .max) {
        var written = 0
        for byte in value where written < limit {
            switch byte {
            case 0x41...0x5A: buffer.append(byte + 0x20)
            case 0x61...0x7A: buffer.append(byte)
            default: continue
            }
            written += 1
        }
    }

    func comma() {
        buffer.append(0x2C)
    }

    func endRow() {
        buffer.append(0x0A)
        rows += 1
        if buffer.count >= flushThreshold { flush() }
    }

    /// Writes out what is buffered, retrying on EINTR and short writes.
    func flush() {
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let written = write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
