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

    package func literal(_ text: Substring, into out: inout String) { HTMLEscaping.append(text, to: &out) }

    package func code(_ text: Substring, into out: inout String) {
        out += "<code dir=\"ltr\">"
        HTMLEscaping.append(text, to: &out)
        out += "</code>"
    }

    package func argument(_ argument: MessageArgument, language: ReportLanguage, into out: inout String) {
        write(argument, language: language, into: &out) { kind, text, out in
            let shown = masker.argument(kind, text)
            let (open, close): (String, String)
            switch kind {
            case .id, .mobile, .email, .date, .prefix: (open, close) = ("<bdi dir=\"ltr\">", "</bdi>")
            case .value, .file, .text:
                guard !shown.isEmpty else { return }
                (open, close) = ("<bdi>", "</bdi>")
            case .column, .code, .rule: (open, close) = ("<code dir=\"ltr\">", "</code>")
            default: (open, close) = ("", "")
            }
            out += open
            HTMLEscaping.append(shown[...], to: &out)
            out += close
        }
    }
}
