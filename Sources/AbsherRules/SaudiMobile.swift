import AbsherReading
import AbsherSchema

/// Saudi mobile numbers (contract §3.3), parsed by one loop over the bytes, no regular expression.
public enum SaudiMobile {
    /// Normalises a mobile cell to E.164 `+9665XXXXXXXX`, or fails with `.mobileInvalid`.
    ///
    /// Accepted forms: `05XXXXXXXX`, `5XXXXXXXX`, `+9665XXXXXXXX`, `9665XXXXXXXX`, `009665XXXXXXXX`,
    /// and each international form with a stray trunk `0` after `966` (`+966 0 5…`), which is
    /// dropped. Digits may be ASCII or Arabic-Indic; spaces, dashes, dots and parentheses may stand
    /// anywhere among them; `+` only as the first character. Any other character (letters of an
    /// extension, `/`, `#`) rejects the value. The 9-digit national number must be a mobile by
    /// libphonenumber's metadata for SA (v9.0.x): `579[0-8]\d{5}|5(?:[013-689]\d|7[0-8])\d{6}`.
    public static func normalize(_ text: String) -> Result<String, RuleCode> {
        // Digits packed as nibbles, most significant first; 16 fit, 14 is the longest valid form.
        var packed: UInt64 = 0
        var count = 0
        var hasPlus = false
        var isFirst = true
        var lead: UInt8 = 0
        for byte in text.utf8 {
            defer { isFirst = false }
            if lead != 0 {
                guard let digit = Digits.asciiDigit(lead: lead, trail: byte), count < 16 else {
                    return .failure(.mobileInvalid)
                }
                packed = packed << 4 | UInt64(digit &- 0x30)
                count += 1
                lead = 0
                continue
            }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard count < 16 else { return .failure(.mobileInvalid) }
                packed = packed << 4 | UInt64(byte &- 0x30)
                count += 1
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"):
                continue
            case UInt8(ascii: "+"):
                guard isFirst else { return .failure(.mobileInvalid) }
                hasPlus = true
            case 0xD9, 0xDB:
                lead = byte
            default:
                return .failure(.mobileInvalid)
            }
        }
        guard lead == 0 else { return .failure(.mobileInvalid) }

        let digits = PackedDigits(packed: packed, count: count)
        var offset: Int
        if hasPlus {
            guard digits.startsWith966(at: 0) else { return .failure(.mobileInvalid) }
            offset = 3
        } else if count >= 5, digits.digit(0) == 0, digits.digit(1) == 0, digits.startsWith966(at: 2) {
            offset = 5
        } else if count == 12 || count == 13, digits.startsWith966(at: 0) {
            offset = 3
        } else if count == 10, digits.digit(0) == 0 {
            offset = 1
        } else if count == 9 {
            offset = 0
        } else {
            return .failure(.mobileInvalid)
        }
        if offset >= 3, count - offset == 10, digits.digit(offset) == 0 { offset += 1 }
        guard count - offset == 9 else { return .failure(.mobileInvalid) }

        // The national number: 5, then not 2, and 579 is followed by 0–8.
        guard digits.digit(offset) == 5, digits.digit(offset + 1) != 2 else { return .failure(.mobileInvalid) }
        if digits.digit(offset + 1) == 7, digits.digit(offset + 2) == 9, digits.digit(offset + 3) == 9 {
            return .failure(.mobileInvalid)
        }

        let firstDigit = offset
        return .success(
            String(unsafeUninitializedCapacity: 13) { buffer in
                buffer[0] = UInt8(ascii: "+")
                buffer[1] = UInt8(ascii: "9")
                buffer[2] = UInt8(ascii: "6")
                buffer[3] = UInt8(ascii: "6")
                for index in 0..<9 { buffer[4 + index] = digits.digit(firstDigit + index) &+ 0x30 }
                return 13
            })
    }

    /// Up to 16 decimal digits packed as nibbles, the first digit read in the highest used nibble.
    private struct PackedDigits {
        var packed: UInt64
        var count: Int

        /// The digit at `index` (0 is the first digit read), 0...9.
        @inline(__always)
        func digit(_ index: Int) -> UInt8 {
            UInt8(truncatingIfNeeded: packed >> UInt64(4 * (count - 1 - index)) & 0xF)
        }

        /// Whether the digits from `index` on start with 9, 6, 6.
        @inline(__always)
        func startsWith966(at index: Int) -> Bool {
            count >= index + 3 && digit(index) == 9 && digit(index + 1) == 6 && digit(index + 2) == 6
        }
    }
}
