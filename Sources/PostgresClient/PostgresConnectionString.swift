/// A libpq connection string, URI (`postgresql://user:pw@host:5432/db?sslmode=require`) or keyword/value
/// (`host=/run/pg port=5432 dbname=absher password=pw`), that never shows its password.
///
/// `description` and `redacted` give the text with every password replaced by `***`: the user-information
/// password of a URI, a `password=` query parameter of a URI, and a `password=` keyword (quoted or not).
/// Every message, log line and report shows that form; only `PostgresConnection` reads the real text.
/// Passwords are better left out of the text altogether: libpq also reads `PGPASSWORD`, `~/.pgpass` and
/// `passfile=`, none of which appear here.
public struct PostgresConnectionString: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The text as given, for `PQconnectdbParams` only.
    let text: String

    public init(_ text: String) {
        self.text = text
    }

    /// What `PostgresConnection` redacts to.
    public static let mask = "***"

    /// Whether `text` is a URI libpq reads as one: it starts with `postgresql://` or `postgres://`.
    public static func isURI(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// The text with every password replaced by `***`.
    public var redacted: String {
        var bytes = Array(text.utf8)
        for range in Self.passwordRanges(in: bytes).reversed() {
            bytes.replaceSubrange(range, with: Self.mask.utf8)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { redacted }

    public var debugDescription: String { "PostgresConnectionString(\(redacted))" }

    /// The passwords in the text, as written and percent-decoded, longest first.
    var passwords: [String] {
        let bytes = Array(text.utf8)
        var found: Set<String> = []
        for range in Self.passwordRanges(in: bytes) where !range.isEmpty {
            let written = Array(bytes[range])
            found.insert(String(decoding: written, as: UTF8.self))
            found.insert(String(decoding: Self.percentDecoded(written), as: UTF8.self))
            found.insert(String(decoding: Self.unescaped(written), as: UTF8.self))
            // libpq quotes single words of a malformed string: a part of a password with spaces in it.
            for word in written.split(whereSeparator: Self.isSpace) where word.count >= 3 {
                found.insert(String(decoding: word, as: UTF8.self))
            }
        }
        return found.filter { !$0.isEmpty }.sorted { $0.utf8.count > $1.utf8.count }
    }

    /// `message` with every password of this connection string replaced by `***`: for libpq's messages,
    /// which may quote parts of a malformed connection string.
    public func scrub(_ message: String) -> String {
        var result = message
        for password in passwords {
            result = result.replacingAll(password, with: Self.mask)
        }
        return result
    }

    // MARK: Finding the passwords

    /// The byte ranges of the password values in `bytes`, in order.
    static func passwordRanges(in bytes: [UInt8]) -> [Range<Int>] {
        let text = String(decoding: bytes, as: UTF8.self)
        return isURI(text) ? uriPasswordRanges(in: bytes) : keywordPasswordRanges(in: bytes)
    }

    /// The user-information password and the `password` query parameters of a URI, split the way libpq's
    /// `conninfo_uri_parse_options` splits it: user information ends at the first `@` before any `/`.
    private static func uriPasswordRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        guard let schemeEnd = firstIndex(of: Array("://".utf8), in: bytes) else {
            return ranges
        }
        let start = schemeEnd + 3
        var cursor = start
        while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "@"), bytes[cursor] != UInt8(ascii: "/") {
            cursor += 1
        }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "@"),
            let colon = bytes[start..<cursor].firstIndex(of: UInt8(ascii: ":"))
        {
            ranges.append((colon + 1)..<cursor)
        }
        guard let question = bytes[cursor...].firstIndex(of: UInt8(ascii: "?")) else {
            return ranges
        }
        var pairStart = question + 1
        while pairStart <= bytes.count {
            let pairEnd = bytes[pairStart...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
            let pair = bytes[pairStart..<pairEnd]
            if let equals = pair.firstIndex(of: UInt8(ascii: "=")),
                percentDecoded(Array(pair[pairStart..<equals])) == Array("password".utf8)
            {
                ranges.append((equals + 1)..<pairEnd)
            }
            pairStart = pairEnd + 1
        }
        return ranges
    }

    /// The values of `password` keywords, read the way libpq's `conninfo_parse` reads them: a keyword, `=`
    /// with optional spaces around it, then a value in single quotes or up to the next space, where a
    /// backslash escapes the next byte.
    private static func keywordPasswordRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var cursor = 0
        while cursor < bytes.count {
            cursor = skipSpaces(bytes, from: cursor)
            let keywordStart = cursor
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "="), !isSpace(bytes[cursor]) {
                cursor += 1
            }
            let keyword = bytes[keywordStart..<cursor]
            cursor = skipSpaces(bytes, from: cursor)
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") else {
                // Malformed, so libpq refuses it and quotes this word in its message. It may be the rest of
                // a password with a space in it: after a `password` keyword, hide everything from here.
                if keyword.elementsEqual("password".utf8) || !ranges.isEmpty {
                    ranges.append(keywordStart..<bytes.count)
                }
                return ranges
            }
            cursor = skipSpaces(bytes, from: cursor + 1)
            let value = valueRange(in: bytes, from: cursor)
            if keyword.elementsEqual("password".utf8) {
                ranges.append(value.content)
            }
            cursor = value.end
        }
        return ranges
    }

    /// The value starting at `start`: its content (inside the quotes, if quoted) and where it ends.
    private static func valueRange(in bytes: [UInt8], from start: Int) -> (content: Range<Int>, end: Int) {
        var cursor = start
        let quoted = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "'")
        if quoted {
            cursor += 1
        }
        let contentStart = cursor
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "\\") {
                cursor = min(cursor + 2, bytes.count)
                continue
            }
            if quoted ? byte == UInt8(ascii: "'") : isSpace(byte) {
                break
            }
            cursor += 1
        }
        let content = contentStart..<cursor
        return (content, quoted ? min(cursor + 1, bytes.count) : cursor)
    }

    // MARK: Bytes

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    private static func skipSpaces(_ bytes: [UInt8], from start: Int) -> Int {
        var cursor = start
        while cursor < bytes.count, isSpace(bytes[cursor]) {
            cursor += 1
        }
        return cursor
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard needle.count <= bytes.count else {
            return nil
        }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// `%XX` sequences decoded; a malformed one is kept as written.
    static func percentDecoded(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    /// Backslash escapes of a keyword value removed.
    private static func unescaped(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                index += 1
            }
            result.append(bytes[index])
            index += 1
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension String {
    /// The string with every occurrence of `target` (non-empty) replaced by `replacement`, compared by
    /// UTF-8 bytes (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        let bytes = Array(utf8)
        guard !needle.isEmpty, needle.count <= bytes.count else {
            return self
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        var replaced = false
        while index < bytes.count {
            if index + needle.count <= bytes.count, bytes[index..<(index + needle.count)].elementsEqual(needle) {
                result.append(contentsOf: replacement.utf8)
                index += needle.count
                replaced = true
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return replaced ? String(decoding: result, as: UTF8.self) : self
    }
}
