import AbsherRules
import AbsherSchema

/// Messages as `report.html` writes them: literal text escaped; codes, option names and column names in
/// `<code dir="ltr">` (isolated, left to right); every value in `<bdi>` (IDs, mobiles, e-mails, dates and prefixes laid out left to right), masked
/// by its kind under `--mask-pii` first; counts and line numbers as plain digits. So a reason cell of the Arabic
/// page holds Latin letters only inside `<code>` and `<bdi>` (contract §4.6).
package struct HTMLMessageStyle: MessageStyle {
    package let masker: PIIMasker

    package init(masker: PIIMasker) {
        self.masker = masker
    }

    package func literal(_ text: Substring) -> String { HTMLEscaping.escape(String(text)) }
    package func code(_ text: Substring) -> String { "<code dir=\"ltr\">\(HTMLEscaping.escape(String(text)))</code>" }

    package func argument(_ argument: MessageArgument, language: ReportLanguage) -> String {
        plainText(argument, language: language) { kind, text in
            let shown = HTMLEscaping.escape(masker.argument(kind, text))
            switch kind {
            case .id, .mobile, .email, .date, .prefix: return "<bdi dir=\"ltr\">\(shown)</bdi>"
            case .value, .file, .text: return shown.isEmpty ? "" : "<bdi>\(shown)</bdi>"
            case .column, .code: return "<code dir=\"ltr\">\(shown)</code>"
            default: return shown
            }
        }
    }
}
