import AbsherReading
import AbsherSchema

/// The Luhn (mod 10) check used by Saudi national IDs and iqama numbers.
public enum Luhn {
    /// Whether the ASCII digits carry a valid Luhn check digit in their last position.
    public static func isValid<Digits: BidirectionalCollection<UInt8>>(_ digits: Digits) -> Bool {
        guard !digits.isEmpty else { return false }
        var sum = 0
        var double = false
        for byte in digits.reversed() {
            guard byte >= 0x30, byte <= 0x39 else { return false }
            var digit = Int(byte &- 0x30)
            if double {
                digit &*= 2
                if digit > 9 { digit &-= 9 }
            }
            sum &+= digit
            double.toggle()
        }
        return sum % 10 == 0
    }

    /// The digit (0...9) that, appended to `payload`, makes a valid Luhn number.
    public static func checkDigit<Digits: BidirectionalCollection<UInt8>>(for payload: Digits) -> UInt8 {
        var sum = 0
        var double = true
        for byte in payload.reversed() {
            var digit = Int(byte &- 0x30)
            if double {
                digit &*= 2
                if digit > 9 { digit &-= 9 }
            }
            sum &+= digit
            double.toggle()
        }
        return UInt8((10 - sum % 10) % 10)
    }
}
