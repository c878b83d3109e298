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

@Suite struct SaudiMobileRuleTests {
    @Test(arguments: [
        "0551234567", "551234567", "00966551234567", "966551234567", "+966551234567", "055-123-4567",
        "٠٥٥١٢٣٤٥٦٧", "۰۵۵۱۲۳۴۵۶۷", "+966 0 55 123 4567", "(055) 123.4567", "+966 55 123 4567",
        "+966-55-123-4567", "00966 55 123 4567", "009660551234567", "9660551234567", "+٩٦٦٥٥١٢٣٤٥٦٧",
        "055 123 4567", "+966(55)1234567", "+ 966551234567", "(0)55 123 4567",
    ])
    func acceptsTheSpecFormsOfOneNumber(text: String) {
        #expect(SaudiMobile.normalize(text) == .success("+966551234567"))
    }

    @Test(arguments: [
        ("0501234567", "+966501234567"), ("0511234567", "+966511234567"), ("0531234567", "+966531234567"),
        ("0541234567", "+966541234567"), ("0561234567", "+966561234567"), ("0581234567", "+966581234567"),
        ("0591234567", "+966591234567"), ("0570123456", "+966570123456"), ("0578999999", "+966578999999"),
        ("0579012345", "+966579012345"), ("0579812345", "+966579812345"), ("579812345", "+966579812345"),
    ])
    func acceptsEveryMobileRangeOfTheMetadata(text: String, expected: String) {
        #expect(SaudiMobile.normalize(text) == .success(expected))
    }

    @Test(arguments: [
        "0521234567", "0579912345", "055123456", "05512345678", "0112345678", "8001234567", "",
        "+0551234567", "+551234567", "0966551234567", "966 0551234567 1", "0551234567 ext 12", "0551234567x1",
        "05512345a7", "05-5123456", "055123456٧٧", "551234567+", "++966551234567",
        "009660521234567", "+9660", "0", "5", "+966", "00966", "0055123456", "9665512345678",
        "+966 11 234 5678", "920012345", "0551234567/8", "055#1234567", "966 055 123 4567 0",
    ])
    func rejectsValueThatIsNotASaudiMobile(text: String) {
        #expect(SaudiMobile.normalize(text) == .failure(.mobileInvalid))
    }

    @Test func matchesTheMetadataPatternForEveryPrefix() {
        // Every 4-digit prefix 5000...5999 with a fixed tail, through each accepted form.
        for prefix in 5000...5999 {
            let national = "\(prefix)12345"
            let digits = Array(national.utf8).map { Int($0) - 48 }
            let expected =
                digits[1] != 2 && !(digits[1] == 7 && digits[2] == 9 && digits[3] == 9)
            for form in ["0\(national)", national, "+966\(national)", "966\(national)", "00966\(national)"] {
                let result = SaudiMobile.normalize(form)
                #expect(result == (expected ? .success("+966\(national)") : .failure(.mobileInvalid)), "\(form)")
            }
        }
    }
}
