/// Whole numbers as reports and messages write them.
package enum DigitGrouping {
    /// `1234567` as `1,234,567`: digits in groups of three.
    package static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && digit != "-" && (digits.count - index) % 3 == 0 && digits[index - 1] != "-" {
                text.append(",")
            }
            text.append(digit)
        }
        return text
    }
}
