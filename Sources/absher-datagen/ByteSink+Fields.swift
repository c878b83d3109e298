/// The field spellings of an export, written straight into the buffer.
extension ByteSink {
    /// A 10-digit number, zero-padded.
    func id(_ value: Int) {
        number(value, width: 10)
    }

    /// A date in its export form: `YYYY-MM-DD` or `DD/MM/YYYY`, in ASCII or Arabic-Indic digits.
    func date(_ value: DateValue, arabicIndic: Bool = false) {
        func part(_ number: Int, width: Int) {
            if arabicIndic {
                arabicIndicNumber(number, width: width)
            } else {
                self.number(number, width: width)
            }
        }
        if value.dayFirst {
            part(value.day, width: 2)
            byte(0x2F)
            part(value.month, width: 2)
            byte(0x2F)
            part(value.year, width: 4)
        } else {
            part(value.year, width: 4)
            byte(0x2D)
            part(value.month, width: 2)
            byte(0x2D)
            part(value.day, width: 2)
        }
    }

    /// `body`'s bytes between double quotes when `quoted` (the generator writes no quote inside a value).
    func quoted(_ quoted: Bool, _ body: () -> Void) {
        if quoted { byte(0x22) }
        body()
        if quoted { byte(0x22) }
    }

    /// A mobile whose 9-digit national number is `national`, in one of the accepted spellings.
    func mobile(_ national: Int, form: Int) {
        let head = national / 10_000_000  // "5X"
        let middle = national / 10_000 % 1000
        let tail = national % 10_000
        switch form {
        case 0:
            byte(0x30)
            number(national, width: 9)
        case 1:
            number(national, width: 9)
        case 2:
            text("+966")
            number(national, width: 9)
        case 3:
            text("966")
            number(national, width: 9)
        case 4:
            text("00966")
            number(national, width: 9)
        case 5:
            byte(0x30)
            number(head, width: 2)
            byte(0x2D)
            number(middle, width: 3)
            byte(0x2D)
            number(tail, width: 4)
        case 6:
            text("+966 ")
            number(head, width: 2)
            byte(0x20)
            number(middle, width: 3)
            byte(0x20)
            number(tail, width: 4)
        case 7:
            text("+966 0 ")
            number(national, width: 9)
        case 8:
            arabicIndicNumber(national, width: 10)
        default:
            byte(0x30)
            number(head, width: 2)
            byte(0x2E)
            number(middle, width: 3)
            byte(0x2E)
            number(tail, width: 4)
        }
    }

    /// Something that looks like a mobile but is not one (`mobile.invalid`).
    func invalidMobile(variant: Int) {
        let digits = variant % 10_000_000
        switch variant % 5 {
        case 0:
            text("052")
            number(digits, width: 7)
        case 1:
            text("05799")
            number(digits % 100_000, width: 5)
        case 2:
            text("011")
            number(digits, width: 7)
        case 3:
            text("05")
            number(digits, width: 7)
        default:
            text("800")
            number(digits, width: 7)
        }
    }

    /// A non-negative number in lower-case base 36.
    func base36(_ value: Int) {
        var packed: [UInt8] = []
        var rest = value
        repeat {
            let digit = UInt8(rest % 36)
            packed.append(digit < 10 ? 0x30 + digit : 0x61 + digit - 10)
            rest /= 36
        } while rest > 0
        for digit in packed.reversed() { byte(digit) }
    }
}
