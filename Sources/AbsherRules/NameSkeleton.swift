/// One key for a name part in either script (contract §4b): its consonants in Latin classes, so that
/// Mohammed, Muhammad, Mohamed and محمد all give `mhmd`, and Al-Dosari, Aldossary and الدوسري give `dsr`.
///
/// Vowels, `ع`, `ء` and alef are dropped, `w`/`y` (`و`/`ي`) too unless they begin the part; Latin digraphs
/// `sh ch th kh gh dh ph` are one class each (`th`, like `ث`, and `z` with `s`: Othman and Osman, Mendoza and Mendosa; `g` and `gh` with `j`); a run of one class is one letter; a final `h` (taa marbuta,
/// Fatimah/Fatima) is dropped. At most 8 letters are kept.
package enum NameSkeleton {
    /// The skeleton of one normalised part (`MatchName`'s bytes), as up to 8 bytes in a `UInt64`.
    package static func key(_ part: ArraySlice<UInt8>) -> UInt64 { part.withUnsafeBufferPointer { key($0) } }

    package static func key(_ part: [UInt8]) -> UInt64 { part.withUnsafeBufferPointer { key($0) } }

    package static func key(_ part: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key: UInt64 = 0
        var count = 0
        var last: UInt8 = 0
        var index = 0
        var first = true
        let classes = byteClasses
        while index < part.count, count < 8 {
            let byte = part[index]
            index += 1
            var letter = classes[Int(byte)]
            // A Latin letter and an `h` after it: a digraph's class (0x100 + byte), when it is one.
            if byte < 0x80 && index < part.count && part[index] == 0x68 && classes[0x100 + Int(byte)] != 0 {
                letter = classes[0x100 + Int(byte)]
                index += 1
            }
            if (letter == 0x77 || letter == 0x79) && !first { letter = 0 }
            first = false
            if letter == 0 || letter == last {
                if letter == 0 { last = 0 }
                continue
            }
            key = key << 8 | UInt64(letter)
            count += 1
            last = letter
        }
        if key & 0xFF == 0x68 { key >>= 8 }
        return key
    }

    private static func latinDigraph(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x73, 0x63: return 0x73  // sh ch → s
        case 0x74: return 0x73  // th → s (ث: Othman, Osman)
        case 0x6B: return 0x6B  // kh → k
        case 0x67: return 0x6A  // gh → j (as g: Singh, Sing)
        case 0x64: return 0x64  // dh → d
        case 0x70: return 0x66  // ph → f
        default: return nil
        }
    }

    private static func latinClass(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x61, 0x65, 0x69, 0x6F, 0x75: return 0  // vowels
        case 0x71, 0x63, 0x6B, 0x78: return 0x6B  // q c k x → k
        case 0x67: return 0x6A  // g → j (Egyptian ج)
        case 0x7A: return 0x73  // z → s (Mendoza, Mendosa)
        case 0x70: return 0x62  // p → b
        case 0x76: return 0x66  // v → f
        default: return byte
        }
    }

    /// Each byte's class (`latinClass` below 0x80, an Arabic letter's `arabicClass` from 0x80), then at 0x100 +
    /// byte the class of the byte followed by `h` (`latinDigraph`, 0 when it is no digraph): one load a letter
    /// instead of the switches. A pointer, never freed, read where an array would be retained a call.
    nonisolated(unsafe) private static let byteClasses: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x180)
        for byte in 0..<0x80 {
            table[byte] = latinClass(UInt8(byte))
            table[0x80 + byte] = arabicClass[byte]
            table[0x100 + byte] = latinDigraph(UInt8(byte)) ?? 0
        }
        return UnsafePointer(table)
    }()

    /// Per Arabic letter (`scalar - 0x600`, below 0x80), its Latin class; 0 for what is dropped.
    private static let arabicClass: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 128)
        let classes: [(UInt32, Character)] = [
            (0x628, "b"), (0x62A, "t"), (0x62B, "s"), (0x62C, "j"), (0x62D, "h"), (0x62E, "k"), (0x62F, "d"),
            (0x630, "d"), (0x631, "r"), (0x632, "s"), (0x633, "s"), (0x634, "s"), (0x635, "s"), (0x636, "d"),
            (0x637, "t"), (0x638, "s"), (0x63A, "j"), (0x641, "f"), (0x642, "k"), (0x643, "k"), (0x644, "l"),
            (0x645, "m"), (0x646, "n"), (0x647, "h"), (0x648, "w"), (0x64A, "y"),
        ]
        for (scalar, letter) in classes { table[Int(scalar - 0x600)] = letter.asciiValue! }
        return table
    }()
}
