import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Testing

@testable import AbsherImport

@Suite struct NationalIDRuleTests {
    @Test(arguments: [
        ("1012345672", IDColumn.citizen, "1012345672"),
        ("2000000006", .resident, "2000000006"),
        ("2456789011", .resident, "2456789011"),
        ("١٠١٢٣٤٥٦٧٢", .citizen, "1012345672"),
        ("۲۰۰۰۰۰۰۰۰۶", .resident, "2000000006"),
        ("1012345672", .sponsor, "1012345672"),
        ("2345678904", .sponsor, "2345678904"),
        ("1999999996", .citizen, "1999999996"),
        ("7000000005", .sponsor, "7000000005"),
        ("7123456789", .sponsor, "7123456789"),
        ("7000000001", .sponsor, "7000000001"),
    ])
    func acceptsValidIDs(text: String, column: IDColumn, expected: String) {
        #expect(NationalID.validate(text, column: column) == .success(expected))
    }

    @Test(arguments: [
        ("1012345670", IDColumn.citizen),
        ("2000000007", .resident),
        ("1012345671", .sponsor),
        ("٢٠٠٠٠٠٠٠٠٧", .resident),
        ("7000000001", .citizen),  // no Luhn exemption outside the sponsor column
    ])
    func rejectsIDWithBadCheckDigit(text: String, column: IDColumn) {
        #expect(NationalID.validate(text, column: column) == .failure(.idChecksum))
    }

    @Test(arguments: [
        ("3000000004", IDColumn.citizen),
        ("3000000004", .resident),
        ("3000000004", .sponsor),
        ("4000000002", .sponsor),
        ("2000000006", .citizen),
        ("1012345672", .resident),
        ("0000000000", .citizen),
        ("5123456781", .sponsor),
    ])
    func rejectsValidIDOfTheWrongKind(text: String, column: IDColumn) {
        #expect(NationalID.validate(text, column: column) == .failure(.idKind))
    }

    @Test(arguments: [
        "101234567", "10123456722", "", "1012 345672", "1012-345672", "101234567a", "+1012345672",
        "١٠١٢٣٤٥٦٧", "١٠١٢٣٤٥٦٧٢٢", "1012345672٫", "٠١٢٣٤٥٦٧٨٩١", "10123456７2", "712345678",
    ])
    func rejectsIDThatIsNotTenDigits(text: String) {
        #expect(NationalID.validate(text, column: .citizen) == .failure(.idFormat))
        #expect(NationalID.validate(text, column: .sponsor) == .failure(.idFormat))
    }

    @Test func checksEveryPayloadAgainstLuhn() {
        var payload = Array("10000000".utf8)
        for last in 0..<10 {
            payload.append(UInt8(ascii: "0") + UInt8(last))
            let check = Luhn.checkDigit(for: payload)
            for digit in UInt8(0)...9 {
                let text = String(decoding: payload + [UInt8(ascii: "0") + digit], as: UTF8.self)
                let result = NationalID.validate(text, column: .citizen)
                #expect(result == (digit == check ? .success(text) : .failure(.idChecksum)))
            }
            payload.removeLast()
        }
    }
}
