import AbsherReading
import AbsherSchema

/// E-mail addresses (contract §3.4).
public enum EmailAddress {
    /// Validates an e-mail cell and returns it with the domain lower-cased, or `.emailInvalid`.
    ///
    /// One `@`. The local part is 1–64 characters of the WHATWG "valid e-mail address" set
    /// (ASCII letters, digits and ``.!#$%&'*+/=?^_`{|}~-``), with no leading, trailing or doubled dot.
    /// The domain is 1–253 characters of at least two dot-separated labels of at most 63 characters;
    /// a label holds letters (non-ASCII ones too, for internationalised domains: alphabetic
    /// characters, their combining marks and decimal digits), ASCII digits and `-`, with no hyphen
    /// at either end; the top-level label is not all digits. The whole is at most 254 characters
    /// (Unicode scalars).
    public static func normalize(_ text: String) -> Result<String, RuleCode> {
        let utf8 = text.utf8
        var index = utf8.startIndex
        var localLength = 0
        var previousWasDot = false
        var foundAt = false
        while index < utf8.endIndex {
            let byte = utf8[index]
            index = utf8.index(after: index)
            if byte == UInt8(ascii: "@") {
                foundAt = true
                break
            }
            guard isLocalPartByte(byte) else { return .failure(.emailInvalid) }
            if byte == UInt8(ascii: ".") {
                guard localLength > 0, !previousWasDot else { return .failure(.emailInvalid) }
                previousWasDot = true
            } else {
                previousWasDot = false
            }
            localLength += 1
            guard localLength <= 64 else { return .failure(.emailInvalid) }
        }
        guard foundAt, localLength > 0, !previousWasDot else { return .failure(.emailInvalid) }
        let domainStart = index

        let domainBytes = utf8[domainStart...]
        let domain: DomainScan?
        if domainBytes.allSatisfy({ $0 < 0x80 }) {
            domain = scanDomain(domainBytes.lazy.map { UInt32($0) })
        } else {
            domain = scanDomain(text.unicodeScalars[domainStart...].lazy.map(\.value))
        }
        guard let domain, localLength + 1 + domain.length <= 254 else { return .failure(.emailInvalid) }
        let hasNonASCII = domain.hasNonASCII
        let hasUpperCase = domain.hasUpperCase

        if hasNonASCII {
            return .success(String(text[..<domainStart]) + text[domainStart...].lowercased())
        }
        guard hasUpperCase else { return .success(text) }
        return .success(
            String(unsafeUninitializedCapacity: utf8.count) { buffer in
                var offset = 0
                var inDomain = false
                for byte in utf8 {
                    let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
                    buffer[offset] = inDomain && isUpper ? byte | 0x20 : byte
                    if byte == UInt8(ascii: "@") { inDomain = true }
                    offset += 1
                }
                return offset
            })
    }

    /// What the domain scan learnt of a valid domain.
    private struct DomainScan {
        var length: Int
        var hasUpperCase: Bool
        var hasNonASCII: Bool
    }

    /// Checks the domain's scalar values (contract §3.4: labels, hyphens, lengths, top-level label), or nil.
    @inline(__always)
    private static func scanDomain<Values: Sequence<UInt32>>(_ values: Values) -> DomainScan? {
        var domainLength = 0
        var labelCount = 0
        var labelLength = 0
        var labelIsAllDigits = true
        var lastWasHyphen = false
        var hasUpperCase = false
        var hasNonASCII = false
        for value in values {
            domainLength += 1
            guard domainLength <= 253 else { return nil }
            if value == 0x2E {  // "."
                guard labelLength > 0, !lastWasHyphen else { return nil }
                labelCount += 1
                labelLength = 0
                labelIsAllDigits = true
                continue
            }
            if value == 0x2D {  // "-"
                guard labelLength > 0 else { return nil }
                lastWasHyphen = true
                labelIsAllDigits = false
            } else if value >= 0x30, value <= 0x39 {
                lastWasHyphen = false
            } else if value >= 0x61, value <= 0x7A {
                lastWasHyphen = false
                labelIsAllDigits = false
            } else if value >= 0x41, value <= 0x5A {
                lastWasHyphen = false
                labelIsAllDigits = false
                hasUpperCase = true
            } else if value >= 0x80, let scalar = Unicode.Scalar(value), isDomainLetter(scalar) {
                lastWasHyphen = false
                labelIsAllDigits = false
                hasNonASCII = true
            } else {
                return nil
            }
            labelLength += 1
            guard labelLength <= 63 else { return nil }
        }
        guard labelLength > 0, !lastWasHyphen, labelCount >= 1, !labelIsAllDigits else { return nil }
        return DomainScan(length: domainLength, hasUpperCase: hasUpperCase, hasNonASCII: hasNonASCII)
    }

    /// Whether the ASCII byte belongs to the WHATWG local-part set (bit masks of 0x00–0x3F and 0x40–0x7F).
    @inline(__always)
    package static func isLocalPartByte(_ byte: UInt8) -> Bool {
        if byte < 64 { return (0xA3FF_ECFA_0000_0000 as UInt64) >> UInt64(byte) & 1 == 1 }
        if byte < 128 { return (0x7FFF_FFFF_C7FF_FFFE as UInt64) >> UInt64(byte &- 64) & 1 == 1 }
        return false
    }

    /// Whether a non-ASCII scalar may stand in an internationalised domain label.
    package static func isDomainLetter(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark: return true
        default: return false
        }
    }
}
