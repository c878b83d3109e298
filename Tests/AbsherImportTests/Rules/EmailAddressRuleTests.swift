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

@Suite struct EmailAddressRuleTests {
    static let longLabel = String(repeating: "a", count: 63)

    @Test(arguments: [
        ("user@example.com", "user@example.com"),
        ("User.Name@Example.COM", "User.Name@example.com"),
        ("first.last+tag@mail.example.sa", "first.last+tag@mail.example.sa"),
        ("a@b.co", "a@b.co"),
        ("x!#$%&'*+/=?^_`{|}~-y@example.org", "x!#$%&'*+/=?^_`{|}~-y@example.org"),
        ("user@sub-domain.example.com", "user@sub-domain.example.com"),
        ("user@123.example", "user@123.example"),
        ("user@example.xn--mgberp4a5d4ar", "user@example.xn--mgberp4a5d4ar"),
        ("user@موقع.وزارة-الاتصالات.مصر", "user@موقع.وزارة-الاتصالات.مصر"),
        ("user@BÜCHER.de", "user@bücher.de"),
        ("ALI@GOV.SA", "ALI@gov.sa"),
        ("\(String(repeating: "l", count: 64))@example.com", "\(String(repeating: "l", count: 64))@example.com"),
        ("u@\(longLabel).com", "u@\(longLabel).com"),
    ])
    func acceptsValidAddressAndLowerCasesTheDomain(text: String, expected: String) {
        #expect(EmailAddress.normalize(text) == .success(expected))
    }

    @Test(arguments: [
        "", "user", "user@", "@example.com", "user@@example.com", "user@exa@mple.com", "user@localhost",
        ".user@example.com", "user.@example.com", "us..er@example.com", "user@example..com",
        "user@.example.com", "user@example.com.", "user@-example.com", "user@example-.com",
        "user@example.123", "user@1.2.3.4", "us er@example.com", "user@exa mple.com", "user@exa_mple.com",
        "\"user\"@example.com", "user(comment)@example.com", "عمر@example.com", "user@example.com>",
        "\(String(repeating: "l", count: 65))@example.com", "u@\(longLabel)a.com", "user@[127.0.0.1]",
        "user@example.c*m", "user@example.com\u{200F}",
    ])
    func rejectsInvalidAddress(text: String) {
        #expect(EmailAddress.normalize(text) == .failure(.emailInvalid))
    }

    @Test func limitsTheDomainTo253AndTheAddressTo254Characters() {
        // Four labels of 63 and a dot-separated tail: 63 * 4 + 3 = 255 with a 1-letter top label.
        let label = String(repeating: "d", count: 61)
        let domain253 = [label, label, label, label, "abcde"].joined(separator: ".")  // 61*4 + 5 + 4 = 253
        #expect(domain253.count == 253)
        #expect(EmailAddress.normalize("u@" + domain253).isFailure)  // 1 + 1 + 253 = 255 > 254
        let domain252 = [label, label, label, label, "abcd"].joined(separator: ".")
        #expect(EmailAddress.normalize("u@" + domain252) == .success("u@" + domain252))  // 254
        let domain254 = [label, label, label, label, "abcdef"].joined(separator: ".")
        #expect(EmailAddress.normalize("u@" + domain254).isFailure)
    }
}

extension Result {
    /// Whether the result is a failure, for tests that do not care which.
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
