import AbsherReading
import AbsherSchema

extension Username {
    /// Which rule of usernames a rejected username breaks (contract §4.6): its first character, a character
    /// that is not allowed and where, or its length against the bounds. Only rejected cells come here.
    package static func message(_ text: String, minLength: Int, maxLength: Int) -> FindingMessage {
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            let value = scalar.value
            let isLetter = (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            if count == 1 {
                if !isLetter { return FindingMessage(.usernameFirstCharacter, .character(scalar)) }
                continue
            }
            let isDigit = (0x30...0x39).contains(value)
            if !(isLetter || isDigit || scalar == "." || scalar == "_" || scalar == "-") {
                return FindingMessage(.usernameCharacter, .character(scalar), .number(count))
            }
        }
        if count > maxLength { return FindingMessage(.usernameTooLong, .count(count), .count(maxLength)) }
        return FindingMessage(.usernameTooShort, .count(count), .count(minLength))
    }
}
