import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// HTML escaping of every value `report.html` shows (contract §6.2), for element content and quoted attributes alike.
///
/// `&` `<` `>` `"` `'` become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`. The bidirectional embedding, override and
/// isolate controls U+202A–U+202E and U+2066–U+2069 are replaced by U+FFFD: an escaped `&#x202E;` would still
/// act and could reverse the rest of a row ("Trojan Source"); the report sets direction itself with `dir`.
/// NUL is removed. The work is done on UTF-8 bytes; text with nothing to escape is returned as it is.
public enum HTMLEscaping {
    /// The escaped text.
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { needsWork[Int($0)] }) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 16)
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            case 0: break
            case 0xE2:
                // U+202A–U+202E are E2 80 AA–AE; U+2066–U+2069 are E2 81 A6–A9 (valid UTF-8 guaranteed).
                guard let second = iterator.next(), let third = iterator.next() else { break }
                let isBidiControl =
                    (second == 0x80 && (0xAA...0xAE).contains(third))
                    || (second == 0x81 && (0xA6...0xA9).contains(third))
                if isBidiControl {
                    output.append(contentsOf: replacementCharacter)
                } else {
                    output.append(contentsOf: [byte, second, third])
                }
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// U+FFFD in UTF-8.
    /// `escape(text)` appended to `out`, without a copy of `text` when it needs no escaping (the message
    /// templates, most values).
    package static func append(_ text: Substring, to out: inout String) {
        guard text.utf8.contains(where: { needsWork[Int($0)] }) else {
            out += text
            return
        }
        out += escape(String(text))
    }

    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Bytes that start something to escape, remove or inspect.
    private static let needsWork: [Bool] = (0...255).map { byte in
        [0, 0xE2, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'")]
            .contains(UInt8(byte))
    }
}
