import AbsherReading
import AbsherSchema

/// Matching of the fixed words of a column (gender, language, sponsor type), any letter case.
package enum FixedWord {
    /// Whether `text` equals the lower-case ASCII `word` ignoring ASCII letter case.
    @inline(__always)
    package static func matches(_ text: String, _ word: StaticString) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { expected in
            var index = 0
            for byte in utf8 {
                let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                guard folded == expected[index] else { return false }
                index += 1
            }
            return true
        }
    }
}
