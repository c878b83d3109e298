import AbsherReading
import AbsherSchema

extension EmailAddress {
    /// What is wrong with an e-mail cell that `normalize` rejected (contract §4.6): the missing or doubled `@`,
    /// the character that is not allowed and where, the dot, the label, the length. Only rejected cells come
    /// here; the checks follow `normalize`'s (contract §3.4).
    package static func message(_ text: String) -> FindingMessage {
        let scalars = Array(text.unicodeScalars)
        let ats = scalars.indices.filter { scalars[$0] == "@" }
        guard let at = ats.first else { return FindingMessage(.emailNoAt) }
        if ats.count > 1 { return FindingMessage(.emailManyAt, .count(ats.count)) }
        if let problem = localPartMessage(scalars[..<at]) { return problem }
        let domain = scalars[(at + 1)...]
        if let problem = domainMessage(domain) { return problem }
        if scalars.count > 254 { return FindingMessage(.emailTooLong, .count(scalars.count)) }
        return .summary(.emailInvalid)
    }

    private static func localPartMessage(_ local: ArraySlice<Unicode.Scalar>) -> FindingMessage? {
        guard !local.isEmpty else { return FindingMessage(.emailLocalEmpty) }
        for index in local.indices {
            let scalar = local[index]
            guard scalar.isASCII, isLocalPartByte(UInt8(scalar.value)) else {
                return FindingMessage(.emailLocalCharacter, .character(scalar), .number(index + 1))
            }
            if scalar == ".", index > local.startIndex, local[index - 1] == "." {
                return FindingMessage(.emailLocalDoubleDot, .number(index))
            }
        }
        if local.first == "." { return FindingMessage(.emailLocalLeadingDot) }
        if local.last == "." { return FindingMessage(.emailLocalTrailingDot) }
        if local.count > 64 { return FindingMessage(.emailLocalTooLong, .count(local.count)) }
        return nil
    }

    private static func domainMessage(_ domain: ArraySlice<Unicode.Scalar>) -> FindingMessage? {
        guard !domain.isEmpty else { return FindingMessage(.emailDomainEmpty) }
        let name = MessageArgument.cell(String(String.UnicodeScalarView(domain)))
        for index in domain.indices {
            let scalar = domain[index]
            let value = scalar.value
            let allowed =
                scalar == "." || scalar == "-" || (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
                || (0x61...0x7A).contains(value) || (value >= 0x80 && isDomainLetter(scalar))
            if !allowed { return FindingMessage(.emailDomainCharacter, .character(scalar), .number(index + 1)) }
        }
        if domain.count > 253 { return FindingMessage(.emailDomainTooLong, .count(domain.count)) }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count == 1 { return FindingMessage(.emailDomainOneLabel, name) }
        if labels.contains(where: \.isEmpty) { return FindingMessage(.emailDomainEmptyLabel, name) }
        if labels.contains(where: { $0.first == "-" || $0.last == "-" }) {
            return FindingMessage(.emailDomainHyphen, name)
        }
        if let long = labels.first(where: { $0.count > 63 }) {
            return FindingMessage(.emailDomainLabelTooLong, name, .count(long.count))
        }
        if let top = labels.last, top.allSatisfy({ (0x30...0x39).contains($0.value) }) {
            return FindingMessage(.emailDomainNumericTop, name, .value(String(String.UnicodeScalarView(top))))
        }
        return nil
    }
}
