import AbsherReading
import AbsherSchema

/// National ID, iqama and establishment unified numbers (contract §3.1, §3.2).
public enum NationalID {
    /// Validates an ID cell and returns its 10 ASCII digits.
    ///
    /// Checked in the spec's order: after digit normalisation, anything but exactly 10 digits is
    /// `.idFormat`; in a sponsor column a leading 7 is an establishment unified number and valid with
    /// no check digit; a bad Luhn check digit is `.idChecksum`; a valid number whose leading digit is
    /// not one the column expects (a border number starting with 3 or 4, an iqama among citizens) is
    /// `.idKind`.
    public static func validate(_ text: String, column: IDColumn) -> Result<String, RuleCode> {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var isASCII = true
        let result: Result<String, RuleCode>? = withUnsafeMutableBytes(of: &digits) { buffer in
            var lead: UInt8 = 0
            for byte in text.utf8 {
                if lead != 0 {
                    guard let digit = Digits.asciiDigit(lead: lead, trail: byte), count < 10 else {
                        return .failure(.idFormat)
                    }
                    buffer[count] = digit
                    count += 1
                    lead = 0
                } else if byte >= 0x30, byte <= 0x39, count < 10 {
                    buffer[count] = byte
                    count += 1
                } else if byte == 0xD9 || byte == 0xDB {
                    lead = byte
                    isASCII = false
                } else {
                    return .failure(.idFormat)
                }
            }
            guard lead == 0, count == 10 else { return .failure(.idFormat) }
            let leading = buffer[0]
            if column == .sponsor, leading == UInt8(ascii: "7") { return nil }
            guard Luhn.isValid(UnsafeRawBufferPointer(buffer)) else { return .failure(.idChecksum) }
            guard column.accepts(leadingDigit: leading) else { return .failure(.idKind) }
            return nil
        }
        if let result { return result }
        if isASCII { return .success(text) }
        let ascii = withUnsafeBytes(of: &digits) { String(decoding: $0, as: UTF8.self) }
        return .success(ascii)
    }
}
