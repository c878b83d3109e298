import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// Contract §6.10 `--mask-pii`: masks IDs, mobiles and e-mail addresses in reports, keeping enough for a reviewer to
/// match rows (`1******234`) and never a whole value. Lengths are kept; masked characters become `*`.
///
/// The one scheme:
/// - **digits** (IDs, mobiles, any run in free text): of a value's digits, the first and the last three stay
///   when there are at least 8 of them, otherwise every digit is masked. A leading country code `+966`, `00966`
///   or `966` is kept and not counted. Other characters (spaces, dashes, `+`) stay.
///   `1012345672` -> `1******672`, `+966551234567` -> `+9665*****567`, `0551234567` -> `0******567`.
/// - **IDs**: every character counts, so a malformed ID (`12AB45678X`) is masked like a valid one.
/// - **e-mails**: the first character of the local part stays (unless it is the only one), the rest of it is
///   masked, the domain stays: `ahmed@example.com` -> `a****@example.com`, `a@x.sa` -> `*@x.sa`.
/// - **free text** (a failure's reason, values of columns that are not IDs, mobiles, e-mails or dates; never a
///   finding's message, whose arguments are masked by their kind, `PIIMasker.argument`): every group of at least 7 digits, where up to two of
///   ` -.()/` may separate digits (`055 123-4567`), is masked as digits are; every `local@domain.tld` as an
///   e-mail. Digits may be ASCII, Arabic-Indic (U+0660–0669) or Extended Arabic-Indic (U+06F0–06F9).
public enum PIIMask {
    /// The character masked values are replaced with.
    package static let star: Unicode.Scalar = "*"

    /// Masks an ID or iqama number (valid or not): all but the first and last three characters, or all of them
    /// when it has fewer than 8.
    public static func id(_ id: String) -> String {
        var scalars = Array(id.unicodeScalars)
        let keep = scalars.count >= 8
        for index in scalars.indices where !(keep && (index == 0 || index >= scalars.count - 3)) {
            scalars[index] = star
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Masks a mobile number in any written form: country code kept, then the digit scheme.
    public static func mobile(_ mobile: String) -> String {
        var scalars = Array(mobile.unicodeScalars)
        maskDigits(in: &scalars, from: 0, to: scalars.count)
        return String(String.UnicodeScalarView(scalars))
    }

    /// Masks an e-mail address: the local part (up to the last `@`) but its first character; no `@`: as an ID.
    public static func email(_ email: String) -> String {
        var scalars = Array(email.unicodeScalars)
        guard let at = scalars.lastIndex(of: "@") else { return id(email) }
        maskLocalPart(in: &scalars, from: 0, to: at)
        return String(String.UnicodeScalarView(scalars))
    }

    /// Masks digit groups of 7 or more digits and e-mail-like words anywhere in a text.
    public static func freeText(_ text: String) -> String {
        // Fast exit on UTF-8 bytes: no ASCII digit, no `@`, no lead byte of U+0640–U+06FF (all digits masked).
        guard text.utf8.contains(where: { (0x30...0x40).contains($0) || $0 == 0xD9 || $0 == 0xDB }) else {
            return text
        }
        var scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]) else {
                index += 1
                continue
            }
            var end = index + 1
            var digitCount = 1
            var scan = end
            while scan < scalars.count {
                var gap = 0
                while scan + gap < scalars.count, gap < 3, separators.contains(scalars[scan + gap]) { gap += 1 }
                guard gap <= 2, scan + gap < scalars.count, isDigit(scalars[scan + gap]) else { break }
                scan += gap + 1
                end = scan
                digitCount += 1
            }
            if digitCount >= 7 { maskDigits(in: &scalars, from: index, to: end) }
            index = end
        }
        maskEmails(in: &scalars)
        return String(String.UnicodeScalarView(scalars))
    }

    private static let separators: Set<Unicode.Scalar> = [" ", "-", ".", "(", ")", "/", "\u{00A0}"]

    /// ASCII, Arabic-Indic or Extended Arabic-Indic digit.
    package static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x0660...0x0669, 0x06F0...0x06F9: true
        default: false
        }
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> UInt32 {
        switch scalar.value {
        case 0x30...0x39: scalar.value - 0x30
        case 0x0660...0x0669: scalar.value - 0x0660
        default: scalar.value - 0x06F0
        }
    }

    /// The digit scheme on `scalars[start..<end]`: skip a leading `966`/`00966` country code (only when more
    /// than 7 digits follow it), then keep the first and last three of the remaining digits when there are
    /// at least 8, else mask them all.
    private static func maskDigits(in scalars: inout [Unicode.Scalar], from start: Int, to end: Int) {
        var digitPositions: [Int] = []
        for index in start..<end where isDigit(scalars[index]) { digitPositions.append(index) }
        let values = digitPositions.map { digitValue(scalars[$0]) }
        for prefix in [[0, 0, 9, 6, 6], [9, 6, 6]] as [[UInt32]]
        where values.count > prefix.count + 7 && values.starts(with: prefix) {
            digitPositions.removeFirst(prefix.count)
            break
        }
        let keep = digitPositions.count >= 8
        for (order, index) in digitPositions.enumerated()
        where !(keep && (order == 0 || order >= digitPositions.count - 3)) {
            scalars[index] = star
        }
    }

    /// Masks the local part of every `local@label.label` word (local part: letters, digits and `._%+-'`).
    private static func maskEmails(in scalars: inout [Unicode.Scalar]) {
        for at in scalars.indices where scalars[at] == "@" {
            var start = at
            while start > 0, isLocalPartScalar(scalars[start - 1]) { start -= 1 }
            var end = at + 1
            while end < scalars.count, isDomainScalar(scalars[end]) { end += 1 }
            while end > at + 1, scalars[end - 1] == "." { end -= 1 }  // the sentence's full stop
            let domain = scalars[(at + 1)..<end]
            guard start < at, domain.contains("."), domain.first != ".", domain.last != "." else { continue }
            maskLocalPart(in: &scalars, from: start, to: at)
        }
    }

    /// Masks a local part but its first character; a one-character local part is masked whole.
    private static func maskLocalPart(in scalars: inout [Unicode.Scalar], from start: Int, to end: Int) {
        guard start < end else { return }
        for index in (end - start == 1 ? start : start + 1)..<end { scalars[index] = star }
    }

    private static func isLocalPartScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || isDigit(scalar) || "._%+-'!#$&*/=?^`{|}~".unicodeScalars.contains(scalar)
    }

    private static func isDomainScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || isDigit(scalar) || scalar == "-" || scalar == "."
    }
}
