/// Reads CSV records one at a time from a file or byte array (contract §2.1), streaming.
///
/// The input is read with `read(2)` into one reused buffer of `chunkSize` bytes, transcoded to UTF-8 by
/// ``TextDecoder`` and split by an RFC 4180 state machine over bytes. Each ``CSVRecord`` carries the
/// physical line where it starts. Blank lines yield no record but count for line numbers.
///
/// Copies of a reader share its file and buffers: use one copy only.
public struct CSVReader {
    /// The field delimiter: given, or detected from the header line among `,` `;` TAB `|`.
    public private(set) var delimiter: UInt8
    /// The encoding the input is read in.
    public private(set) var encoding: TextEncoding
    /// Whether the input had no BOM, no encoding was given, and it was not valid UTF-8, so it is read as
    /// Windows-1256 (the contract's `file.encoding-guessed`).
    public private(set) var encodingWasGuessed: Bool
    /// The size of the input in bytes.
    public var fileSize: Int { storage.source.size }
    /// The open file's identity now (`FileIdentity`); nil for bytes in memory.
    public var fileIdentity: FileIdentity? { storage.source.identity() }
    /// The raw input bytes consumed so far, for progress.
    public private(set) var bytesRead = 0
    /// Whether records carry their raw text (`CSVRecord.raw`); set between records. A reader that needs only
    /// the fields (the first scan of a file) turns it off and holds a huge cell once less.
    public var keepsRaw = true
    /// Whether records carry their fields; off only while ``skipRecord()`` reads past one.
    private var keepsFields = true

    private let storage: ReaderStorage
    private let text: UnsafeMutablePointer<UInt8>
    private var decoder: TextDecoder
    /// The chunk buffer (0 or 1) the next read goes into.
    private var chunkIndex = 0
    /// Decoded bytes in `text` and the next one to scan.
    private var textCount = 0
    private var textIndex = 0
    /// Whether the source is exhausted and the decoder flushed.
    private var sourceFinished = false

    /// The physical line (1-based) of the next byte to scan.
    private var line = 1
    private var state = ParseState.recordStart
    /// A CR ended the last line: an LF right after it belongs to the same line end.
    private var pendingLineFeed = false
    /// Inside quotes, the last byte was a CR (so a following LF is not a second line break).
    private var quotedCarriageReturn = false

    /// The record being built.
    private var recordLine = 0
    private var recordBytes = ScratchBuffer<UInt8>(capacity: 1024)
    private var recordFieldEnds = ScratchBuffer<Int>(capacity: 64)
    private var recordRaw = ScratchBuffer<UInt8>(capacity: 1024)
    /// Where the record's raw text starts in `text` (0 after a refill).
    private var rawStart = 0

    /// Where the state machine stands.
    private enum ParseState {
        /// Between records: line breaks here are blank lines.
        case recordStart
        /// At the first byte of a field.
        case fieldStart
        /// Inside a field that did not start with a quote (quotes are literal).
        case unquoted
        /// Inside a quoted field.
        case quoted
        /// Just after a quote inside a quoted field: `""`, the field's end, or text appended after it.
        case quoteInQuoted
    }

    private static let lineFeed: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
    private static let quote: UInt8 = 0x22

    /// Opens the file at `path`. `delimiter` and `encoding` override detection. With `hashing` false,
    /// `sha256Hex()` is meaningless (a second pass over a file whose digest is known).
    public init(
        path: String, delimiter: UInt8? = nil, encoding: TextEncoding? = nil, chunkSize: Int = 1 << 20,
        hashing: Bool = true
    ) throws(CSVReadError) {
        try self.init(
            source: ByteSource(path: path), delimiter: delimiter, encoding: encoding, chunkSize: chunkSize,
            hashing: hashing)
    }

    /// Reads `bytes` exactly as a file with that content would be read.
    public init(bytes: [UInt8], delimiter: UInt8? = nil, encoding: TextEncoding? = nil, chunkSize: Int = 1 << 20) {
        // A memory source never fails, so this cannot throw.
        try! self.init(
            source: ByteSource(bytes: bytes), delimiter: delimiter, encoding: encoding, chunkSize: chunkSize,
            hashing: true)
    }

    private init(
        source: ByteSource, delimiter: UInt8?, encoding: TextEncoding?, chunkSize: Int, hashing: Bool
    ) throws(CSVReadError) {
        let chunkSize = max(chunkSize, 1)
        storage = ReaderStorage(source: source, chunkSize: chunkSize, hashes: hashing)
        text = storage.text
        let setup = try InputSniffer(storage: storage).sniff(encoding: encoding)
        self.encoding = setup.encoding
        encodingWasGuessed = setup.wasGuessed
        decoder = TextDecoder(mode: setup.mode, bytesToSkip: setup.bytesToSkip)
        if let delimiter {
            self.delimiter = delimiter
        } else {
            self.delimiter = try InputSniffer(storage: storage).detectDelimiter(
                mode: setup.mode, bytesToSkip: setup.bytesToSkip)
        }
        try source.rewind()
    }

    /// The next record, or `nil` at the end of the data.
    public mutating func next() throws(CSVReadError) -> CSVRecord? {
        while true {
            if textIndex == textCount {
                if keepsRaw, state != .recordStart, rawStart < textCount {
                    recordRaw.append(text + rawStart, count: textCount - rawStart)
                }
                rawStart = 0
                textIndex = 0
                textCount = 0
                guard try refill() else { return finishAtEndOfData() }
                continue
            }
            if let record = scan() { return record }
        }
    }

    /// Reads past the next record as ``next()`` would, line numbers and all, without building it (no fields,
    /// no raw text, nothing allocated): what a reader that copies only some records does with the others.
    /// `false` at the end of the data.
    public mutating func skipRecord() throws(CSVReadError) -> Bool {
        let keptRaw = keepsRaw
        keepsRaw = false
        keepsFields = false
        defer {
            keepsRaw = keptRaw
            keepsFields = true
        }
        return try next() != nil
    }

    /// The lowercase hex SHA-256 of all raw input bytes read so far (all of them once ``next()`` returned `nil`).
    public func sha256Hex() -> String {
        storage.sha256Hex()
    }

    /// Reads and decodes the next chunk into `text`; `false` when nothing is left.
    private mutating func refill() throws(CSVReadError) -> Bool {
        if sourceFinished { return false }
        let index = chunkIndex
        let chunk = storage.acquireChunk(index)
        let count: Int
        do {
            count = try storage.source.read(into: chunk)
        } catch {
            storage.releaseChunk(index)
            throw error
        }
        if count == 0 {
            storage.releaseChunk(index)
            sourceFinished = true
            textCount = decoder.finish(into: text)
            return textCount > 0
        }
        let input = UnsafeRawBufferPointer(rebasing: chunk[0..<count])
        bytesRead += count
        // Decoding and hashing only read the chunk; it is not refilled before hashing is done.
        textCount = decoder.decode(input.assumingMemoryBound(to: UInt8.self), into: text)
        storage.hashChunk(index, count: count)
        chunkIndex = 1 - index
        return true
    }

    /// The record left open at the end of the data, if any.
    private mutating func finishAtEndOfData() -> CSVRecord? {
        guard state != .recordStart else { return nil }
        return completeRecord(isUnterminated: state == .quoted)
    }

    /// Hands out the record built so far and starts a new one.
    private mutating func completeRecord(isUnterminated: Bool) -> CSVRecord {
        recordFieldEnds.append(recordBytes.count)
        let record =
            keepsFields
            ? CSVRecord(
                line: recordLine, bytes: recordBytes.makeArray(), fieldEnds: recordFieldEnds.makeArray(),
                raw: keepsRaw ? recordRaw.makeArray() : [], isUnterminated: isUnterminated)
            : CSVRecord(line: recordLine, bytes: [], fieldEnds: [], raw: [], isUnterminated: isUnterminated)
        state = .recordStart
        recordBytes.removeAll()
        recordFieldEnds.removeAll()
        recordRaw.removeAll()
        return record
    }

    /// Runs the state machine over `text` until a record ends (returned) or the chunk is used up (`nil`).
    private mutating func scan() -> CSVRecord? {
        let text = self.text
        let end = textCount
        let delimiter = self.delimiter
        let keepsFields = self.keepsFields
        var index = textIndex
        defer { textIndex = index }
        while index < end {
            switch state {
            case .recordStart:
                beginRecord(text[index], at: &index)
            case .fieldStart:
                if text[index] == Self.quote {
                    state = .quoted
                    quotedCarriageReturn = false
                    index += 1
                } else {
                    state = .unquoted
                }
            case .unquoted:
                var scanEnd = Self.skipWords(text, from: index, end: end, without: delimiter)
                while scanEnd < end {
                    let byte = text[scanEnd]
                    if byte == delimiter || byte == Self.lineFeed || byte == Self.carriageReturn { break }
                    scanEnd += 1
                }
                if keepsFields && scanEnd > index {
                    recordBytes.append(text + index, count: scanEnd - index)
                }
                index = scanEnd
                guard index < end else { return nil }
                if text[index] == delimiter {
                    if keepsFields { recordFieldEnds.append(recordBytes.count) }
                    state = .fieldStart
                    index += 1
                } else {
                    let record = endRecord(lineBreakAt: index)
                    index += 1
                    return record
                }
            case .quoted:
                guard scanQuoted(text, end: end, at: &index, keepsFields: keepsFields) else { return nil }
            case .quoteInQuoted:
                let byte = text[index]
                if byte == Self.quote {
                    if keepsFields { recordBytes.append(Self.quote) }
                    state = .quoted
                    index += 1
                } else if byte == delimiter {
                    if keepsFields { recordFieldEnds.append(recordBytes.count) }
                    state = .fieldStart
                    index += 1
                } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                    let record = endRecord(lineBreakAt: index)
                    index += 1
                    return record
                } else {
                    // Text after the closing quote is appended; quotes in it are literal.
                    state = .unquoted
                }
            }
        }
        return nil
    }

    /// At the start of a record: skips the LF of a CRLF, or a blank line (no record, but it counts for line
    /// numbers); otherwise the record starts at `index`.
    @inline(__always)
    private mutating func beginRecord(_ byte: UInt8, at index: inout Int) {
        if pendingLineFeed {
            pendingLineFeed = false
            if byte == Self.lineFeed {
                index += 1
                return
            }
        }
        if byte == Self.lineFeed || byte == Self.carriageReturn {
            line += 1
            pendingLineFeed = byte == Self.carriageReturn
            index += 1
            return
        }
        recordLine = line
        rawStart = index
        state = .fieldStart
    }

    /// Inside quotes: takes bytes up to the next quote or line break, then that byte. False when the chunk
    /// ended first.
    @inline(__always)
    private mutating func scanQuoted(
        _ text: UnsafeMutablePointer<UInt8>, end: Int, at index: inout Int, keepsFields: Bool
    ) -> Bool {
        var scanEnd = Self.skipWords(text, from: index, end: end, without: Self.quote)
        while scanEnd < end {
            let byte = text[scanEnd]
            if byte == Self.quote || byte == Self.lineFeed || byte == Self.carriageReturn { break }
            scanEnd += 1
        }
        if scanEnd > index {
            if keepsFields { recordBytes.append(text + index, count: scanEnd - index) }
            quotedCarriageReturn = false
        }
        index = scanEnd
        guard index < end else { return false }
        let byte = text[index]
        index += 1
        if byte == Self.quote {
            quotedCarriageReturn = false
            state = .quoteInQuoted
        } else {
            if keepsFields { recordBytes.append(byte) }
            if byte == Self.carriageReturn {
                line += 1
                quotedCarriageReturn = true
            } else {
                if !quotedCarriageReturn { line += 1 }
                quotedCarriageReturn = false
            }
        }
        return true
    }

    /// Where, from `index`, the first `special`, LF or CR of `text` is, looked for 8 bytes at a time in the
    /// whole words before `end`; else the first byte after the last whole word. The bytes before it hold none
    /// of the three, so the byte loop that follows goes on from there and finds the byte it would have found
    /// alone.
    @inline(__always)
    private static func skipWords(
        _ text: UnsafeMutablePointer<UInt8>, from index: Int, end: Int, without special: UInt8
    ) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let specials = UInt64(special) &* ones
        let lineFeeds = UInt64(lineFeed) &* ones
        let carriageReturns = UInt64(carriageReturn) &* ones
        /// The high bit of each byte of `word` that may be 0 (never unset for a byte that is 0).
        @inline(__always) func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & (ones << 7) }
        var index = index
        while end - index >= 8 {
            let word = UInt64(littleEndian: UnsafeRawPointer(text + index).loadUnaligned(as: UInt64.self))
            let found = zeroBytes(word ^ specials) | zeroBytes(word ^ lineFeeds) | zeroBytes(word ^ carriageReturns)
            // The lowest flag is exact (a wrong one can only follow a byte that is 0): the first such byte.
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        return index
    }

    /// Ends the record at the line break at `index` in `text`.
    private mutating func endRecord(lineBreakAt index: Int) -> CSVRecord {
        if keepsRaw, index > rawStart {
            recordRaw.append(text + rawStart, count: index - rawStart)
        }
        let byte = text[index]
        line += 1
        pendingLineFeed = byte == Self.carriageReturn
        return completeRecord(isUnterminated: false)
    }
}
