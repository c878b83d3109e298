/// The text encodings an input file may use (contract §2.2).
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LittleEndian = "utf-16le"
    case utf16BigEndian = "utf-16be"
    case windows1256 = "windows-1256"

    /// The encoding named `name` in any letter case: `utf-8`, `utf8`, `utf-16le`, `utf-16be`,
    /// `windows-1256` or `cp1256`; `nil` for any other name.
    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le": self = .utf16LittleEndian
        case "utf-16be": self = .utf16BigEndian
        case "windows-1256", "cp1256": self = .windows1256
        default: return nil
        }
    }
}
