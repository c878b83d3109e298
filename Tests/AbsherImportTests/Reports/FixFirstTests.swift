import AbsherReports
import AbsherRules
import Testing

/// What `validate` prints after its counts: the rules by number of findings, one example each, bounded.
@Suite struct FixFirstTests {
    @Test func rulesComeByNumberOfFindingsEachWithItsFirstExample() {
        let findings =
            (0..<3).map {
                Finding(
                    file: "citizens.csv", line: 10 + $0, recordID: "", field: "mobile", rule: .mobileInvalid,
                    message: FindingMessage(.mobilePrefix, .prefix("052")), value: "052123456\($0)")
            } + [Finding(file: "sponsors.csv", line: 4, field: "", rule: .rowMalformed, value: "")]
        let text = FixFirst(outcome: SampleOutcome.night(findings: findings), maskPII: false).text
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "  fix first (rules by number of findings, one example each):")
        #expect(lines[1] == "    mobile.invalid (error): 3 findings")
        #expect(lines[2].hasPrefix("      e.g. citizens.csv:10 mobile '0521234560': 052 is not a mobile prefix: "))
        #expect(lines[3] == "    row.malformed (error): 1 finding")
        #expect(lines[4].hasPrefix("      e.g. sponsors.csv:4: "))
        #expect(lines.count == 5)
    }

    @Test func itIsBoundedMaskedAndEscaped() {
        let rules: [RuleCode] = [
            .idFormat, .idChecksum, .idKind, .mobileInvalid, .emailInvalid, .nameScript, .dateInvalid,
        ]
        var findings: [Finding] = []
        for (index, rule) in rules.enumerated() {
            for line in 0..<(10 - index) {
                findings.append(
                    Finding(
                        file: "citizens.csv", line: line + 2, field: "national_id", rule: rule,
                        message: FindingMessage(.nameNoLetter, .column("bad \u{1B}[31m")),
                        value: "1012345672" + String(repeating: "x", count: 100)))
            }
        }
        let text = FixFirst(outcome: SampleOutcome.night(findings: findings), maskPII: true).text
        #expect(text.contains("and 2 more rules; every finding is in rejects.csv"))
        #expect(text.split(separator: "\n").count == 1 + 2 * 5 + 1)
        #expect(!text.contains("1012345672"))
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains(String(repeating: "x", count: 61)))
        #expect(FixFirst(outcome: SampleOutcome.night(findings: []), maskPII: false).text.isEmpty)
    }
}
