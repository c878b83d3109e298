import AbsherReading
import AbsherSchema

/// Person and sponsor names (contract §3.6 Names).
public enum PersonName {
    /// Validates a name in its column's script and returns it unchanged, or fails with `.nameScript`.
    ///
    /// - `.arabic`: Arabic-script letters (the Arabic, Arabic Supplement, Arabic Extended and
    ///   presentation-form blocks; harakat and tatweel included), spaces and `-`. No Latin letters,
    ///   no digits of any kind, no Arabic punctuation.
    /// - `.latin`: ASCII letters, the Latin letters of Latin-1, Latin Extended-A/B and Latin Extended
    ///   Additional, combining diacritics (U+0300–036F), spaces, `-`, `'` and `.`.
    /// - `.any` (sponsor names, which may be establishments): any characters, digits and punctuation
    ///   included, except control characters and U+FFFD (bytes the reader could not decode); at least one
    ///   letter of any script.
    ///
    /// Every script needs at least one letter, so `-`, `.` or digits alone are rejected.
    public static func validate(_ text: String, script: NameScript) -> Result<String, RuleCode> {
        let isValid: Bool
        switch script {
        case .arabic: isValid = isArabicName(text)
        case .latin: isValid = isLatinName(text)
        case .any: isValid = isAnyName(text)
        }
        return isValid ? .success(text) : .failure(.nameScript)
    }

    /// What a scalar of the Arabic block U+0600–06FF is to an Arabic name: 0 not allowed,
    /// 1 a mark (allowed, not a letter), 2 a letter.
    static let arabicBlock: [UInt8] = (0x0600...0x06FF).map { value in
        arabicClass(Unicode.Scalar(UInt32(value))!)
    }

    static func arabicClass(_ scalar: Unicode.Scalar) -> UInt8 {
        switch scalar.properties.generalCategory {
        case .otherLetter, .modifierLetter: return 2
        case .nonspacingMark, .spacingMark: return 1
        default: return 0
        }
    }

    private static func isArabicName(_ text: String) -> Bool {
        var hasLetter = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let kind: UInt8
            switch value {
            case 0x20, 0x2D: kind = 1
            case 0x0600...0x06FF: kind = arabicBlock[Int(value) - 0x0600]
            case 0x0750...0x077F, 0x0870...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: kind = arabicClass(scalar)
            default: kind = 0
            }
            if kind == 0 { return false }
            if kind == 2 { hasLetter = true }
        }
        return hasLetter
    }

    private static func isLatinName(_ text: String) -> Bool {
        var hasLetter = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x024F, 0x1E00...0x1EFF:
                hasLetter = true
            case 0x20, 0x27, 0x2D, 0x2E, 0x0300...0x036F:
                continue
            default:
                return false
            }
        }
        return hasLetter
    }

    private static func isAnyName(_ text: String) -> Bool {
        var hasLetter = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value < 0x20 || value == 0x7F { return false }
                if !hasLetter, (value | 0x20) >= 0x61, (value | 0x20) <= 0x7A { hasLetter = true }
                continue
            }
            if value <= 0x9F { return false }  // C1 controls
            // U+FFFD stands for bytes that were not text in the file's encoding: not a name.
            if value == 0xFFFD || value == 0xFEFF { return false }
            if !hasLetter, scalar.properties.isAlphabetic { hasLetter = true }
        }
        return hasLetter
    }
}
