/// One CSV record as read, fields unescaped to UTF-8 bytes and kept in one buffer.
public struct CSVRecord: Sendable {
    /// The physical line (1-based) where the record starts; the header is line 1.
    public var line: Int
    /// The unescaped contents of all fields, concatenated, UTF-8.
    public var bytes: [UInt8]
    /// The end offset in ``bytes`` of each field: field `i` is `fieldEnds[i - 1]..<fieldEnds[i]`.
    public var fieldEnds: [Int]
    /// The record exactly as it was in the file, transcoded to UTF-8, without its final line break.
    public var raw: [UInt8]
    /// Whether the record ran to the end of data inside an open quote.
    public var isUnterminated: Bool

    /// A record from its parts.
    public init(line: Int, bytes: [UInt8], fieldEnds: [Int], raw: [UInt8], isUnterminated: Bool) {
        self.line = line
        self.bytes = bytes
        self.fieldEnds = fieldEnds
        self.raw = raw
        self.isUnterminated = isUnterminated
    }

    /// The number of fields (at least 1).
    @inlinable public var fieldCount: Int { fieldEnds.count }

    /// The UTF-8 bytes of field `index` (`0..<fieldCount`).
    @inlinable public func field(_ index: Int) -> ArraySlice<UInt8> {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        return bytes[start..<fieldEnds[index]]
    }

    /// Field `index` as a `String` (`String(decoding:as:)`; the reader already replaced invalid UTF-8).
    @inlinable public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// All fields as strings.
    public var strings: [String] {
        (0..<fieldCount).map { string($0) }
    }
}
