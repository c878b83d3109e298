import AbsherRules

/// How `lookup(_:)` understood its value.
public enum LookupKey: Sendable, Hashable, CustomStringConvertible {
    /// Ten digits not starting with 0 (national ID, iqama or unified number), in ASCII.
    case id(String)
    /// A Saudi mobile, in E.164 (`+9665XXXXXXXX`).
    case mobile(String)
    /// A username, as its case-insensitive key (`Username.key`).
    case username(String)

    public var description: String {
        switch self {
        case .id(let id): return "ID \(id)"
        case .mobile(let mobile): return "mobile \(mobile)"
        case .username(let key): return "username \(key)"
        }
    }
}

extension LookupKey {
    /// What a lookup value is: ten digits not starting with 0 (Arabic-Indic digits allowed) are an ID;
    /// else a value `SaudiMobile.normalize` accepts is a mobile; anything else is a username.
    /// (A ten-digit value starting with 0, such as `0501234567`, is a mobile.)
    public init(parsing value: String) {
        let digits = Digits.asciiDigits(value.trimmingSpaces())
        let bytes = digits.utf8
        if bytes.count == 10, bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            bytes.first != UInt8(ascii: "0")
        {
            self = .id(digits)
            return
        }
        if case .success(let mobile) = SaudiMobile.normalize(value) {
            self = .mobile(mobile)
            return
        }
        self = .username(Username.key(value.trimmingSpaces()))
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
