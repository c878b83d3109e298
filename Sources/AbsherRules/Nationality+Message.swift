import AbsherReading
import AbsherSchema

extension Nationality {
    /// What is wrong with a nationality that `normalize` rejected (contract §4.6): not three Latin letters,
    /// not an assigned code, or `SAU` in residents.csv. Only rejected cells come here.
    package static func message(_ text: String, forbidSaudi: Bool) -> FindingMessage {
        let isThreeLetters =
            text.utf8.count == 3
            && text.utf8.allSatisfy { ($0 & 0xDF) >= UInt8(ascii: "A") && ($0 & 0xDF) <= UInt8(ascii: "Z") }
        guard isThreeLetters else { return FindingMessage(.nationalityShape, .cell(text)) }
        if forbidSaudi, text.uppercased() == "SAU" { return FindingMessage(.nationalitySaudi) }
        return FindingMessage(.nationalityUnassigned, .cell(text))
    }
}
