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
    package static func arabic(_ text: String) -> [UInt8] {
        var text = text
        var words = Words()
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x20 || byte == 0x2D { words.endWord() }
                    index += 1
                } else if byte >= 0xC0 && byte < 0xE0 && index + 1 < bytes.count {
                    let scalar = UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    if let letter = arabicByte(scalar) { words.letters.append(letter) }
                    index += 2
                } else {
                    // Three- and four-byte scalars (joiners, marks): not letters of a name.
                    index += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 1
                }
            }
        }
        words.endWord()
        return joined(words, script: .arabic)
    }

    /// The Latin name `text` normalised, parts separated by 0x20.
    package static func english(_ text: String) -> [UInt8] {
        var text = text
        var words = Words()
        text.withUTF8 { bytes in
            for byte in bytes {
                if byte == 0x20 || byte == 0x2D {
                    words.endWord()
                } else if byte >= 0x41 && byte <= 0x5A {
                    words.letters.append(byte | 0x20)
                } else if byte >= 0x61 && byte <= 0x7A {
                    words.letters.append(byte)
                }
            }
        }
        words.endWord()
        return joined(words, script: .latin)
    }

    /// The letters of every word end to end, and where each word ends: two allocations a name, not one a word.
    struct Words {
        var letters: [UInt8] = []
        var ends: [Int] = []

        init() {
            letters.reserveCapacity(48)
            ends.reserveCapacity(8)
        }

        mutating func endWord() {
            if letters.count > (ends.last ?? 0) { ends.append(letters.count) }
        }

        func word(_ index: Int) -> ArraySlice<UInt8> { letters[(index == 0 ? 0 : ends[index - 1])..<ends[index]] }
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
    private static func joined(_ words: Words, script: Script) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(words.letters.count + words.ends.count)
        var pendingStart: Int?
        for index in words.ends.indices {
            let word = words.word(index)
            let isSon =
                script == .arabic
                ? arabicSon.contains { $0.elementsEqual(word) } : latinSon.contains { $0.elementsEqual(word) }
            if isSon && !result.isEmpty && pendingStart == nil { continue }
            let joinsNext =
                script == .arabic
                ? word.elementsEqual(arabicAbd) || word.elementsEqual(arabicArticle)
                : latinAbd.contains { $0.elementsEqual(word) } || latinArticle.contains { $0.elementsEqual(word) }
            if pendingStart == nil {
                if !result.isEmpty { result.append(0x20) }
                pendingStart = result.count
            }
            result += word
            if joinsNext { continue }
            dropArticle(&result, from: pendingStart!, script: script)
            pendingStart = nil
        }
        return result
    }

    /// Drops a leading article from the part that starts at `start` (the last one of `result`).
    private static func dropArticle(_ result: inout [UInt8], from start: Int, script: Script) {
        let count = result.count - start
        switch script {
        case .arabic:
            if count > 4 && result[start] == arabicArticle[0] && result[start + 1] == arabicArticle[1] {
                result.removeSubrange(start..<(start + 2))
            }
        case .latin:
            if count >= 5 && (result[start] == 0x61 || result[start] == 0x65) && result[start + 1] == 0x6C {
                result.removeSubrange(start..<(start + 2))
            }
        }
    }
}
