import AbsherRules

/// Messages as `rejects.csv` and the log write them: plain text in the report's language, each ID, mobile and
/// e-mail argument masked by its kind under `--mask-pii` before it is put into the sentence.
package struct CSVMessageStyle: MessageStyle {
    package let masker: PIIMasker

    package init(masker: PIIMasker) {
        self.masker = masker
    }

    package func literal(_ text: Substring, into out: inout String) { out += text }
    package func code(_ text: Substring, into out: inout String) { out += text }
    package func argument(_ argument: MessageArgument, language: ReportLanguage, into out: inout String) {
        write(argument, language: language, into: &out) { kind, text, out in out += masker.argument(kind, text) }
    }
}
