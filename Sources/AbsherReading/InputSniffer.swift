/// Looks at an input before it is read: its byte order mark, whether it is UTF-8, and its delimiter.
///
/// Each step rewinds the source first and uses the reader's buffers as scratch space.
package struct InputSniffer {
    /// How the input is to be decoded.
    package struct Setup {
        package var encoding: TextEncoding
        package var wasGuessed: Bool
        package var mode: TextDecoder.Mode
        /// Length of the byte order mark to drop.
        package var bytesToSkip: Int
    }

    package let storage: ReaderStorage

    /// The encoding from `given`, else the byte order mark, else a UTF-8 validity pre-scan of the whole input
    /// (invalid: Windows-1256, guessed). UTF-32 BOMs are outside the contract: read as UTF-8 (with U+FFFD).
    package func sniff(encoding given: TextEncoding?) throws(CSVReadError) -> Setup {
        let source = storage.source
        try source.rewind()
        let headCount = try source.readFully(into: UnsafeMutableRawBufferPointer(start: storage.text, count: 4))
        let head = Array(UnsafeBufferPointer(start: storage.text, count: headCount))
        let isUTF32 = head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || head.starts(with: [0x00, 0x00, 0xFE, 0xFF])
        let bom: (TextEncoding, Int)?
        if isUTF32 {
            bom = nil
        } else if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            bom = (.utf8, 3)
        } else if head.starts(with: [0xFF, 0xFE]) {
            bom = (.utf16LittleEndian, 2)
        } else if head.starts(with: [0xFE, 0xFF]) {
            bom = (.utf16BigEndian, 2)
        } else {
            bom = nil
        }
        if let given {
            let skip = bom.map { $0.0 == given ? $0.1 : 0 } ?? 0
            return Setup(encoding: given, wasGuessed: false, mode: Self.mode(for: given), bytesToSkip: skip)
        }
        if let (encoding, length) = bom {
            return Setup(encoding: encoding, wasGuessed: false, mode: Self.mode(for: encoding), bytesToSkip: length)
        }
        if isUTF32 {
            return Setup(encoding: .utf8, wasGuessed: false, mode: .utf8Replacing, bytesToSkip: 0)
        }
        if try isValidUTF8() {
            return Setup(encoding: .utf8, wasGuessed: false, mode: .passThrough, bytesToSkip: 0)
        }
        return Setup(encoding: .windows1256, wasGuessed: true, mode: .windows1256, bytesToSkip: 0)
    }

    private static func mode(for encoding: TextEncoding) -> TextDecoder.Mode {
        switch encoding {
        case .utf8: .utf8Replacing
        case .utf16LittleEndian: .utf16(bigEndian: false)
        case .utf16BigEndian: .utf16(bigEndian: true)
        case .windows1256: .windows1256
        }
    }

    /// Reads the whole input chunk by chunk; `false` at the first ill-formed UTF-8 sequence.
    private func isValidUTF8() throws(CSVReadError) -> Bool {
        let source = storage.source
        try source.rewind()
        // Scratch: up to 3 carried bytes, then a chunk (the text buffer holds at least 3 * chunk + 16 bytes).
        let scratch = storage.text
        let chunkSize = storage.scratchChunk.count
        var carried = 0
        while true {
            let count = try source.read(
                into: UnsafeMutableRawBufferPointer(start: scratch + carried, count: chunkSize))
            if count == 0 { return carried == 0 }
            let total = carried + count
            guard let incomplete = UTF8Validation.check(scratch, count: total) else { return false }
            if incomplete > 0 {
                (scratch).update(from: scratch + (total - incomplete), count: incomplete)
            }
            carried = incomplete
        }
    }

    /// The delimiter among `,` `;` TAB `|` found most often outside quotes in the first non-blank line
    /// (ties in that order); `,` if none occurs.
    package func detectDelimiter(mode: TextDecoder.Mode, bytesToSkip: Int) throws(CSVReadError) -> UInt8 {
        let candidates: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]
        var counts = [Int](repeating: 0, count: candidates.count)
        let source = storage.source
        try source.rewind()
        var decoder = TextDecoder(mode: mode, bytesToSkip: bytesToSkip)
        let text = storage.text
        let chunk = storage.scratchChunk
        var inQuotes = false
        var started = false
        var scanned = 0
        let limit = 1 << 20
        scanning: while scanned < limit {
            let count = try source.read(into: chunk)
            let decoded: Int
            if count == 0 {
                decoded = decoder.finish(into: text)
            } else {
                decoded = decoder.decode(
                    UnsafeRawBufferPointer(rebasing: chunk[0..<count]).assumingMemoryBound(to: UInt8.self),
                    into: text)
            }
            scanned += decoded
            for index in 0..<decoded {
                let byte = text[index]
                if byte == 0x0A || byte == 0x0D {
                    if !started { continue }
                    if !inQuotes { break scanning }
                }
                started = true
                if byte == 0x22 {
                    inQuotes.toggle()
                } else if !inQuotes, let position = candidates.firstIndex(of: byte) {
                    counts[position] += 1
                }
            }
            if count == 0 { break }
        }
        var best = 0
        for position in counts.indices where counts[position] > counts[best] {
            best = position
        }
        return candidates[best]
    }
}
