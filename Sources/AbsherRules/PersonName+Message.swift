import AbsherReading
import AbsherSchema

extension PersonName {
    /// What is wrong with a name that `validate` rejected (contract §4.6): the first character its script does
    /// not allow, where it stands and what it is, or that it holds no letter. Only rejected cells come here.
    package static func message(_ text: String, script: NameScript, column: String) -> FindingMessage {
        let allowedTerm: MessageTerm
        switch script {
        case .arabic: allowedTerm = .arabicNameCharacters
        case .latin: allowedTerm = .latinNameCharacters
        case .any: allowedTerm = .anyNameCharacters
        }
        for (index, scalar) in text.unicodeScalars.enumerated() where !isAllowed(scalar, in: script) {
            return FindingMessage(
                .nameCharacter, .character(scalar), .number(index + 1), .term(characterClass(scalar)),
                .column(column), .term(allowedTerm))
        }
        return FindingMessage(.nameNoLetter, .column(column))
    }

    /// Whether a name of `script` may hold `scalar` (the checks of `validate`, one character at a time).
    private static func isAllowed(_ scalar: Unicode.Scalar, in script: NameScript) -> Bool {
        let value = scalar.value
        switch script {
        case .arabic:
            switch value {
            case 0x20, 0x2D: return true
            case 0x0600...0x06FF: return arabicBlock[Int(value) - 0x0600] != 0
            case 0x0750...0x077F, 0x0870...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return arabicClass(scalar) != 0
            default: return false
            }
        case .latin:
            switch value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x024F, 0x1E00...0x1EFF, 0x20, 0x27, 0x2D,
                0x2E, 0x0300...0x036F:
                return true
            default: return false
            }
        case .any:
            return !(value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFD || value == 0xFEFF)
        }
    }

    /// What a character is, as a message names it.
    private static func characterClass(_ scalar: Unicode.Scalar) -> MessageTerm {
        let value = scalar.value
        if value == 0xFFFD { return .undecodableByte }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .format: return .controlCharacter
        case .decimalNumber, .otherNumber, .letterNumber: return .digit
        default: break
        }
        if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) || (0xC0...0x024F).contains(value)
            || (0x1E00...0x1EFF).contains(value)
        {
            return properties.isAlphabetic ? .latinLetter : .punctuation
        }
        if (0x0600...0x06FF).contains(value) || (0x0750...0x077F).contains(value) || (0x0870...0x08FF).contains(value)
            || (0xFB50...0xFDFF).contains(value) || (0xFE70...0xFEFF).contains(value)
        {
            return properties.isAlphabetic ? .arabicLetter : .punctuation
        }
        return properties.isAlphabetic ? .otherLetter : .punctuation
    }
}
