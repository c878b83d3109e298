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

    package func literal(_ text: Substring, into out: inout String) { out += HTMLEscaping.escape(String(text)) }

    package func code(_ text: Substring, into out: inout String) {
        out += "<code dir=\"ltr\">"
        out += HTMLEscaping.escape(String(text))
        out += "</code>"
    }

    package func argument(_ argument: MessageArgument, language: ReportLanguage, into out: inout String) {
        write(argument, language: language, into: &out) { kind, text, out in
            let shown = HTMLEscaping.escape(masker.argument(kind, text))
            switch kind {
            case .id, .mobile, .email, .date, .prefix: out += "<bdi dir=\"ltr\">\(shown)</bdi>"
            case .value, .file, .text: if !shown.isEmpty { out += "<bdi>\(shown)</bdi>" }
            case .column, .code, .rule: out += "<code dir=\"ltr\">\(shown)</code>"
            default: out += shown
            }
        }
    }
}
