import AbsherReading
import AbsherSchema

/// Absher usernames (contract §3.5 Usernames).
public enum Username {
    /// Validates a username: `minLength` to `maxLength` characters of ASCII letters, digits, `.`, `_`
    /// and `-`, starting with a letter. Returns the username as given, or `.usernameInvalid`.
    public static func validate(_ text: String, minLength: Int = 6, maxLength: Int = 20) -> Result<String, RuleCode> {
        var count = 0
        for byte in text.utf8 {
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            if count == 0 {
                guard isLetter else { return .failure(.usernameInvalid) }
            } else {
                let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                guard
                    isLetter || isDigit || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                        || byte == UInt8(ascii: "-")
                else { return .failure(.usernameInvalid) }
            }
            count += 1
            guard count <= maxLength else { return .failure(.usernameInvalid) }
        }
        guard count >= minLength, count > 0 else { return .failure(.usernameInvalid) }
        return .success(text)
    }

    /// The key usernames are compared by (case-insensitively): the ASCII lower-case form.
    /// Returns the username itself when it has no upper-case letter.
    public static func key(_ username: String) -> String {
        let utf8 = username.utf8
        guard utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return username }
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var index = 0
            for byte in utf8 {
                buffer[index] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                index += 1
            }
            return index
        }
    }
}
