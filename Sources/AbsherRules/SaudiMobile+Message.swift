import AbsherReading
import AbsherSchema

extension SaudiMobile {
    /// What is wrong with a mobile cell that `normalize` rejected (contract §4.6): the character that may not
    /// stand in it, how many digits it has, the country code, a landline's area code or the prefix that is not
    /// a mobile's (`052`). Only rejected cells come here; the checks follow `normalize`'s.
    package static func message(_ text: String) -> FindingMessage {
        var digits: [Int] = []
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if let digit = Digits.asciiDigit(of: scalar) {
                digits.append(Int(digit &- 0x30))
            } else if scalar == "+" && index == 0 {
                continue
            } else if !" -.()".unicodeScalars.contains(scalar) {
                return FindingMessage(.mobileCharacter, .character(scalar), .number(index + 1))
            }
        }
        let count = digits.count
        func starts966(at index: Int) -> Bool {
            digits.count >= index + 3 && Array(digits[index..<index + 3]) == [9, 6, 6]
        }
        var offset: Int
        if text.unicodeScalars.first == "+" {
            guard starts966(at: 0) else {
                return FindingMessage(.mobileCountryCode, .prefix(digits.prefix(3).map(String.init).joined()))
            }
            offset = 3
        } else if count >= 5, digits[0] == 0, digits[1] == 0, starts966(at: 2) {
            offset = 5
        } else if count == 12 || count == 13, starts966(at: 0) {
            offset = 3
        } else if count == 10, digits[0] == 0 {
            offset = 1
        } else if count == 9 {
            offset = 0
        } else {
            return FindingMessage(.mobileDigitCount, .count(count))
        }
        if offset >= 3, count - offset == 10, digits[offset] == 0 { offset += 1 }
        guard count - offset == 9 else { return FindingMessage(.mobileDigitCount, .count(count)) }
        let national = digits[offset...].map(String.init)
        switch digits[offset] {
        case 1: return FindingMessage(.mobileLandline, .prefix("0" + national.prefix(2).joined()))
        case 5: break
        default: return FindingMessage(.mobileNotFive, .number(digits[offset]))
        }
        if digits[offset + 1] == 2 { return FindingMessage(.mobilePrefix, .prefix("0" + national.prefix(2).joined())) }
        if digits[offset + 1] == 7, digits[offset + 2] == 9, digits[offset + 3] == 9 {
            return FindingMessage(.mobilePrefix, .prefix("0" + national.prefix(4).joined()))
        }
        return .summary(.mobileInvalid)
    }
}
