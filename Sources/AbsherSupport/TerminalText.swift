/// Text from outside (file names, paths, option values, cell values) made safe for a terminal or a text log:
/// every control character (C0, DEL, C1), bidi control and line or paragraph separator is shown as `\u{…}`, so
/// that no escape sequence runs on the terminal, no line can be forged in a log, and no text is reordered
/// (contract §7.9 Output and logs).
public enum TerminalText {
    /// `citizens\u{1B}]0;x\u{7}\u{A}.csv` for a name holding ESC, BEL and LF; other text unchanged.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 controls, DEL and C1 controls (U+009B is a one-byte CSI on many terminals); the bidi marks, embeddings,
    /// overrides and isolates (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069); NEL, the line and
    /// paragraph separators (U+0085, U+2028, U+2029); and the byte order mark (U+FEFF).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029, 0xFEFF: true
        default: false
        }
    }
}
