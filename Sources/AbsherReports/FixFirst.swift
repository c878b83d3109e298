import AbsherRules
import AbsherSupport

/// What `validate` prints after its counts (contract §7.4): the rules by number of findings, most first, each
/// with one example (file, line, field, value, message), so that a data steward knows what to fix first.
///
/// Bounded: `limit` rules, each value cut to `valueLimit` characters; the rest are counted and left to
/// `rejects.csv`. `--mask-pii` masks the example as it masks the reports, and every text from the input is
/// escaped for the terminal.
package struct FixFirst {
    package let outcome: RunOutcome
    package let maskPII: Bool
    package var limit = 5
    package var valueLimit = 60

    package init(outcome: RunOutcome, maskPII: Bool) {
        self.outcome = outcome
        self.maskPII = maskPII
    }

    /// The rules with findings, most findings first, ties by code.
    package var rules: [(rule: RuleCode, count: Int)] {
        outcome.ruleCounts.map { (rule: $0.key, count: $0.value) }
            .sorted { ($0.count, $1.rule.code) > ($1.count, $0.rule.code) }
    }

    /// The lines to print (each ending in a newline), or nothing when there is no finding.
    package var text: String {
        let rules = rules
        guard !rules.isEmpty else { return "" }
        var text = "  fix first (rules by number of findings, one example each):\n"
        for (rule, count) in rules.prefix(limit) {
            let noun = count == 1 ? "finding" : "findings"
            text += "    \(rule.code) (\(rule.severity.rawValue)): \(count) \(noun)\n"
            if let example = outcome.findings.first(where: { $0.rule == rule }) {
                text += "      e.g. \(describe(example))\n"
            }
        }
        if rules.count > limit {
            let more = rules.count - limit
            text += "    and \(more) more \(more == 1 ? "rule" : "rules"); every finding is in rejects.csv\n"
        }
        return text
    }

    /// `citizens.csv:14 national_id '1000000009': The check digit is wrong.`, escaped and masked.
    private func describe(_ finding: Finding) -> String {
        let masker = PIIMasker(enabled: maskPII)
        var place = finding.file
        if let line = finding.line { place += ":\(line)" }
        if !finding.field.isEmpty { place += " \(finding.field)" }
        var value = masker.value(finding.value, field: finding.field)
        if value.count > valueLimit { value = String(value.prefix(valueLimit)) + "…" }
        let quoted = finding.value.isEmpty ? "" : " '\(value)'"
        return TerminalText.escaped(
            "\(place)\(quoted): \(finding.message.render(.english, CSVMessageStyle(masker: masker)))")
    }
}
