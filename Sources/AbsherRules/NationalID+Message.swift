import AbsherReading
import AbsherSchema

extension NationalID {
    /// What is wrong with an ID cell that `validate` failed with `rule` (contract §4.6): how many digits, which
    /// character where, which check digit, which leading digit. Only rejected cells come here.
    package static func message(_ rule: RuleCode, _ text: String, column: IDColumn, columnName: String)
        -> FindingMessage
    {
        let scalars = Array(text.unicodeScalars)
        switch rule {
        case .idFormat:
            for (index, scalar) in scalars.enumerated() where Digits.asciiDigit(of: scalar) == nil {
                return FindingMessage(.idCharacter, .character(scalar), .number(index + 1))
            }
            return FindingMessage(.idDigitCount, .count(scalars.count))
        case .idChecksum:
            let digits = scalars.compactMap(Digits.asciiDigit(of:))
            guard digits.count == 10 else { return .summary(rule) }
            let expected = Luhn.checkDigit(for: digits.prefix(9))
            return FindingMessage(.idChecksum, .number(Int(digits[9] &- 0x30)), .number(Int(expected)))
        case .idKind:
            guard let first = scalars.first, let leading = Digits.asciiDigit(of: first) else { return .summary(rule) }
            let expected: MessageTerm
            switch column {
            case .citizen: expected = .citizenColumnIDs
            case .resident: expected = .residentColumnIDs
            case .sponsor: expected = .sponsorColumnIDs
            }
            let digit = MessageArgument.number(Int(leading &- 0x30))
            guard let kind = MessageTerm.idKind(leadingDigit: leading) else {
                return FindingMessage(.idKindUnknown, digit, .column(columnName), .term(expected))
            }
            return FindingMessage(.idKind, digit, .term(kind), .column(columnName), .term(expected))
        default:
            return .summary(rule)
        }
    }
}
