import AbsherRules

/// Messages as `rejects.csv` and the log write them: plain text in the report's language, each ID, mobile and
/// e-mail argument masked by its kind under `--mask-pii` before it is put into the sentence.
package struct CSVMessageStyle: MessageStyle {
    package let masker: PIIMasker

    package init(masker: PIIMasker) {
        self.masker = masker
    }

    package func literal(_ text: Substring) -> String { String(text) }
    package func code(_ text: Substring) -> String { String(text) }
    package func argument(_ argument: MessageArgument, language: ReportLanguage) -> String {
        plainText(argument, language: language) { kind, text in masker.argument(kind, text) }
    }
}
