/// Names as the matcher of contract §4b compares them: normalised parts, one byte a letter.
///
/// Arabic letters become one byte each (`0x80 | (scalar - 0x600)`), with the hamza forms of alef as bare alef,
/// taa marbuta as haa, alef maqsura as yaa, the hamza seats waw and yaa as their letters, tatweel and the
/// diacritics dropped, `بن`/`بنت` dropped and `عبد` joined to the word after it, a leading article `ال` dropped
/// from a word of more than four letters. Latin names become lower-case ASCII letters, apostrophes and dots
/// dropped, `bin`/`ibn` dropped, `abd`/`abdul`/`abdel` joined to the next word, a lone article `al`/`el`
/// joined to the next word, and a leading `al`/`el` dropped from a word of five letters or more. Parts are
/// separated by one space.
package enum MatchName {
    /// The Arabic name `text` (NFC) normalised, parts separated by 0x20.
    package static func arabic<Text: StringProtocol>(_ text: Text) -> [UInt8] {
        var words: [[UInt8]] = [[]]
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x20 || value == 0x2D {
                if !words[words.count - 1].isEmpty { words.append([]) }
                continue
            }
            guard let byte = arabicByte(value) else { continue }
            words[words.count - 1].append(byte)
        }
        return joined(words, script: .arabic)
    }

    /// The Latin name `text` normalised, parts separated by 0x20.
    package static func english<Text: StringProtocol>(_ text: Text) -> [UInt8] {
        var words: [[UInt8]] = [[]]
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x2D {
                if !words[words.count - 1].isEmpty { words.append([]) }
            } else if byte >= 0x41 && byte <= 0x5A {
                words[words.count - 1].append(byte | 0x20)
            } else if byte >= 0x61 && byte <= 0x7A {
                words[words.count - 1].append(byte)
            }
        }
        return joined(words, script: .latin)
    }

    enum Script { case arabic, latin }

    /// The one-byte form of an Arabic-script scalar, nil for what is dropped.
    @inline(__always) static func arabicByte(_ value: UInt32) -> UInt8? {
        switch value {
        case 0x0622, 0x0623, 0x0625, 0x0671: return arabic(0x0627)  // آ أ إ ٱ → ا
        case 0x0629: return arabic(0x0647)  // ة → ه
        case 0x0649, 0x0626, 0x06CC: return arabic(0x064A)  // ى ئ ی → ي
        case 0x0624: return arabic(0x0648)  // ؤ → و
        case 0x06A9: return arabic(0x0643)  // ک → ك
        case 0x0640, 0x064B...0x065F, 0x0670: return nil  // tatweel, diacritics
        case 0x0621...0x064A: return arabic(value)
        case 0x0600...0x06FF: return 0xFF
        default: return nil
        }
    }

    @inline(__always) static func arabic(_ value: UInt32) -> UInt8 { UInt8(0x80 | (value - 0x0600)) }

    private static let arabicSon: [[UInt8]] = ["بن", "بنت"].map { Array($0.unicodeScalars.map { arabic($0.value) }) }
    private static let arabicAbd: [UInt8] = "عبد".unicodeScalars.map { arabic($0.value) }
    private static let arabicArticle: [UInt8] = "ال".unicodeScalars.map { arabic($0.value) }
    private static let latinSon: [[UInt8]] = ["bin", "bint", "ibn", "ben"].map { Array($0.utf8) }
    private static let latinAbd: [[UInt8]] = ["abd", "abdul", "abdel", "abdal", "abdol", "abdu"].map { Array($0.utf8) }
    private static let latinArticle: [[UInt8]] = ["al", "el"].map { Array($0.utf8) }

    /// The words put back together: `son of` dropped, `عبد`/`abd…` and a lone article joined to what follows,
    /// a leading article dropped.
    private static func joined(_ words: [[UInt8]], script: Script) -> [UInt8] {
        var parts: [[UInt8]] = []
        var pending: [UInt8] = []
        for word in words where !word.isEmpty {
            let isSon = script == .arabic ? arabicSon.contains(word) : latinSon.contains(word)
            if isSon && !parts.isEmpty && pending.isEmpty { continue }
            let joinsNext =
                script == .arabic
                ? word == arabicAbd || word == arabicArticle
                : latinAbd.contains(word) || latinArticle.contains(word)
            if joinsNext {
                pending += word
                continue
            }
            parts.append(withoutArticle(pending + word, script: script))
            pending = []
        }
        if !pending.isEmpty { parts.append(pending) }
        var result: [UInt8] = []
        for part in parts {
            if !result.isEmpty { result.append(0x20) }
            result += part
        }
        return result
    }

    private static func withoutArticle(_ word: [UInt8], script: Script) -> [UInt8] {
        switch script {
        case .arabic:
            if word.count > 4 && word.starts(with: arabicArticle) { return Array(word.dropFirst(2)) }
        case .latin:
            if word.count >= 5 && (word[0] == 0x61 || word[0] == 0x65) && word[1] == 0x6C {
                return Array(word.dropFirst(2))
            }
        }
        return word
    }
}
