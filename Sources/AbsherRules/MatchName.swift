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
        Array(unsafeUninitializedCapacity: max(text.utf8.count, 1)) { buffer, count in
            count = writeArabic(text, into: buffer.baseAddress!)
        }
    }

    /// The Latin name `text` normalised, parts separated by 0x20.
    package static func english(_ text: String) -> [UInt8] {
        Array(unsafeUninitializedCapacity: max(text.utf8.count, 1)) { buffer, count in
            count = writeEnglish(text, into: buffer.baseAddress!)
        }
    }

    /// Writes `arabic(text)` to `output`, which has room for `text.utf8.count` bytes (a normalised name is
    /// never longer than its text), and returns its length. Nothing is allocated.
    package static func writeArabic(_ text: String, into output: UnsafeMutablePointer<UInt8>) -> Int {
        var text = text
        var parts = Parts(output, script: .arabic)
        arabicBlock.withUnsafeBufferPointer { block in
            text.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        if byte == 0x20 || byte == 0x2D { parts.endWord() }
                        index += 1
                    } else if byte >= 0xD8 && byte <= 0xDB && index + 1 < bytes.count {
                        // U+0600–U+06FF, the Arabic block: its one-byte form from the table (0: dropped).
                        let letter = block[Int(byte - 0xD8) << 6 | Int(bytes[index + 1] & 0x3F)]
                        if letter != 0 { parts.append(letter) }
                        index += 2
                    } else if byte >= 0xC0 && byte < 0xE0 && index + 1 < bytes.count {
                        // Another two-byte scalar (a Latin letter with an accent, say): not a letter of an
                        // Arabic name.
                        index += 2
                    } else {
                        // Three- and four-byte scalars (joiners, marks): not letters of a name.
                        index += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 1
                    }
                }
            }
        }
        parts.endWord()
        return parts.count
    }

    /// `arabicByte` of each scalar of the Arabic block, U+0600 to U+06FF, 0 for those dropped (no one-byte
    /// form is 0): one load a letter instead of the switch.
    private static let arabicBlock: [UInt8] = (0x0600...0x06FF).map { arabicByte(UInt32($0)) ?? 0 }

    /// Writes `english(text)` to `output`, which has room for `text.utf8.count` bytes, and returns its
    /// length. Nothing is allocated.
    package static func writeEnglish(_ text: String, into output: UnsafeMutablePointer<UInt8>) -> Int {
        var text = text
        var parts = Parts(output, script: .latin)
        latinBytes.withUnsafeBufferPointer { classes in
            text.withUTF8 { bytes in
                for byte in bytes {
                    let letter = classes[Int(byte)]
                    if letter > 1 {
                        parts.append(letter)
                    } else if letter == 1 {
                        parts.endWord()
                    }
                }
            }
        }
        parts.endWord()
        return parts.count
    }

    /// What `writeEnglish` makes of each byte: its lower-case letter, 1 for a space or a hyphen (a word ends),
    /// 0 for what is dropped (apostrophes, dots, digits, the bytes of other scripts).
    private static let latinBytes: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case 0x20, 0x2D: return 1
        case 0x41...0x5A: return UInt8(byte) | 0x20
        case 0x61...0x7A: return UInt8(byte)
        default: return 0
        }
    }

    /// The name's parts as they are written, word by word, straight into the output: `son of` dropped,
    /// `عبد`/`abd…` and a lone article joined to what follows, a leading article dropped.
    struct Parts {
        let output: UnsafeMutablePointer<UInt8>
        let script: Script
        /// The bytes written.
        var count = 0
        /// Where the letters of the word being read start, -1 between words.
        var wordStart = -1
        /// A space was written before the word being read.
        var spaced = false
        /// Where the part that the last words joined to what follows starts, -1 when none is open.
        var pendingStart = -1
        /// The words the parts are tested against, read once a name rather than once a word.
        let words: Words

        init(_ output: UnsafeMutablePointer<UInt8>, script: Script) {
            self.output = output
            self.script = script
            words = MatchName.words
        }

        @inline(__always) mutating func append(_ letter: UInt8) {
            if wordStart < 0 {
                spaced = pendingStart < 0 && count > 0
                if spaced {
                    output[count] = 0x20
                    count += 1
                }
                wordStart = count
            }
            output[count] = letter
            count += 1
        }

        mutating func endWord() {
            guard wordStart >= 0 else { return }
            let word = UnsafeBufferPointer(start: output + wordStart, count: count - wordStart)
            let start = wordStart
            wordStart = -1
            if spaced && words.isSon(word, script: script) {
                // `son of` after a part: dropped with the space before it.
                count = start - 1
                return
            }
            if pendingStart < 0 { pendingStart = start }
            if words.joinsNext(word, script: script) { return }
            dropArticle()
            pendingStart = -1
        }

        /// Drops a leading article from the part that starts at `pendingStart` (the last one written).
        private mutating func dropArticle() {
            let start = pendingStart
            let length = count - start
            let hasArticle: Bool
            switch script {
            case .arabic:
                hasArticle = length > 4 && UInt64(output[start]) | UInt64(output[start + 1]) << 8 == words.arabicArticle
            case .latin:
                hasArticle =
                    length >= 5 && (output[start] == 0x61 || output[start] == 0x65) && output[start + 1] == 0x6C
            }
            guard hasArticle else { return }
            for index in start..<(count - 2) { output[index] = output[index + 2] }
            count -= 2
        }
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

    /// The words `Parts` looks for, each as `packed` bytes: one comparison of integers a word instead of a walk
    /// over lists of arrays (each element of which is a reference count).
    struct Words: Sendable {
        let arabicSon: (UInt64, UInt64)
        let arabicAbd: UInt64
        let arabicArticle: UInt64
        /// Fixed-size, so that reading them touches no reference count.
        let latinSon: InlineArray<4, UInt64>
        let latinJoining: InlineArray<8, UInt64>

        init() {
            func packed(_ literal: [UInt8]) -> UInt64 { literal.withUnsafeBufferPointer { Words.packed($0) } }
            arabicSon = (packed(MatchName.arabicSon[0]), packed(MatchName.arabicSon[1]))
            arabicAbd = packed(MatchName.arabicAbd)
            arabicArticle = packed(MatchName.arabicArticle)
            let son = MatchName.latinSon.map(packed)
            let joining = (MatchName.latinAbd + MatchName.latinArticle).map(packed)
            precondition(son.count == 4 && joining.count == 8, "MatchName.Words holds every listed word")
            latinSon = InlineArray { son[$0] }
            latinJoining = InlineArray { joining[$0] }
        }

        /// `word` is `son of`.
        @inline(__always) func isSon(_ word: UnsafeBufferPointer<UInt8>, script: Script) -> Bool {
            // Most words are none of these: their first letter or their length says so before any comparison.
            guard word.count >= 2 && word.count <= 4 else { return false }
            switch script {
            case .arabic:
                let value = Self.packed(word)
                return value == arabicSon.0 || value == arabicSon.1
            case .latin:
                guard word[0] == 0x62 || word[0] == 0x69 else { return false }
                let value = Self.packed(word)
                for index in latinSon.indices where latinSon[index] == value { return true }
                return false
            }
        }

        /// `word` is joined to the word after it (`عبد`/`abd…`, a lone article).
        @inline(__always) func joinsNext(_ word: UnsafeBufferPointer<UInt8>, script: Script) -> Bool {
            guard word.count >= 2 && word.count <= 5 else { return false }
            switch script {
            case .arabic:
                let value = Self.packed(word)
                return value == arabicAbd || value == arabicArticle
            case .latin:
                guard word[0] == 0x61 || word[0] == 0x65 else { return false }
                let value = Self.packed(word)
                for index in latinJoining.indices where latinJoining[index] == value { return true }
                return false
            }
        }

        /// The bytes of a word of at most 8 bytes in one integer, the first in the lowest byte.
        @inline(__always) static func packed(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
            var value: UInt64 = 0
            for index in word.indices.reversed() { value = value << 8 | UInt64(word[index]) }
            return value
        }
    }

    static let words = Words()
}
