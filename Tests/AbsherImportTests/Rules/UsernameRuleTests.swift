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

@Suite struct UsernameRuleTests {
    @Test(arguments: [
        "abcdef", "Ahmed_1990", "a.b-c_d", "Z12345", "abcdefghijklmnopqrst", "omar..__--", "User-Name",
    ])
    func acceptsUsernameWithinTheDefaultBounds(text: String) {
        #expect(Username.validate(text) == .success(text))
    }

    @Test(arguments: [
        "", "abcde", "abcdefghijklmnopqrstu", "1abcdef", "_abcdef", ".abcdef", "-abcdef", "abc def",
        "abc@def", "abcdéf", "عبدالله123", "abcdef!", "ａbcdef", "abcdef\u{0}",
    ])
    func rejectsUsernameOutsideTheRule(text: String) {
        #expect(Username.validate(text) == .failure(.usernameInvalid))
    }

    @Test func honoursConfiguredLengthBounds() {
        #expect(Username.validate("abc", minLength: 3, maxLength: 4) == .success("abc"))
        #expect(Username.validate("abcd", minLength: 3, maxLength: 4) == .success("abcd"))
        #expect(Username.validate("abcde", minLength: 3, maxLength: 4) == .failure(.usernameInvalid))
        #expect(Username.validate("ab", minLength: 3, maxLength: 4) == .failure(.usernameInvalid))
        #expect(Username.validate("a", minLength: 0, maxLength: 4) == .success("a"))
        #expect(Username.validate("", minLength: 0, maxLength: 4) == .failure(.usernameInvalid))
    }

    @Test(arguments: [("Ahmed_1990", "ahmed_1990"), ("abcdef", "abcdef"), ("ABC.DEF-GH", "abc.def-gh")])
    func comparesUsernamesByTheirASCIILowerCaseKey(username: String, key: String) {
        #expect(Username.key(username) == key)
    }
}
