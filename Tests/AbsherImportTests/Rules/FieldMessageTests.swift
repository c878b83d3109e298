import AbsherRules
import Testing

/// Contract §4.6: what each field rule's message says of a rejected cell, beyond SampleData's rows
/// (`SampleDataMessageTests` covers those through the binary).
@Suite struct FieldMessageTests {
    static func english(_ message: FindingMessage) -> String { "\(message)" }

    @Test(arguments: [
        ("1234567890123", RuleCode.idFormat, "The ID has 13 digits; it must have exactly 10."),
        ("12345 67890", .idFormat, "The ID holds 'U+0020' at position 6"),
        ("١٠١٢٣٤٥٦٧٠", .idChecksum, "The check digit (the tenth) is 0; the Luhn check digit of the first nine is 2."),
        ("5000000008", .idKind, "The ID starts with 5, which no kind of ID does; national_id takes national IDs"),
    ])
    func idMessages(text: String, rule: RuleCode, expected: String) {
        let message = NationalID.message(rule, text, column: .citizen, columnName: "national_id")
        #expect(Self.english(message).contains(expected), "\(message)")
    }

    @Test(arguments: [
        ("+1 202 555 0100", "The number starts with +120, not +966"),
        ("0551234567 ext 2", "The mobile holds 'e' at position 12"),
        ("055+1234567", "The mobile holds '+' at position 4"),
        ("0412345678", "starts with 5; this one starts with 4"),
        ("+966 0 52 123 4567", "052 is not a mobile prefix"),
        ("0165551234", "area code 016"),
        ("05512345", "The mobile has 8 digits"),
    ])
    func mobileMessages(text: String, expected: String) {
        #expect(SaudiMobile.normalize(text) == .failure(.mobileInvalid), "\(text) is valid")
        #expect(Self.english(SaudiMobile.message(text)).contains(expected), "\(SaudiMobile.message(text))")
    }

    @Test(arguments: [
        ("a@b@example.com", "The address has 2 '@' signs"),
        ("@example.com", "Nothing stands before the '@'."),
        ("ahmed@", "Nothing stands after the '@'."),
        (".ahmed@example.com", "starts with a dot"),
        ("ahmed.@example.com", "ends with a dot"),
        ("ah med@example.com", "'U+0020' at position 3 is not allowed before the '@'."),
        ("ahmed@exa_mple.com", "'_' at position 10 is not allowed in a domain."),
        ("ahmed@example..com", "has an empty label"),
        ("ahmed@-example.com", "starts or ends with a hyphen"),
        ("ahmed@example.123", "ends in 123, all digits"),
        (String(repeating: "a", count: 65) + "@example.com", "has 65 characters; at most 64"),
    ])
    func emailMessages(text: String, expected: String) {
        #expect(EmailAddress.normalize(text) == .failure(.emailInvalid), "\(text) is valid")
        #expect(Self.english(EmailAddress.message(text)).contains(expected), "\(EmailAddress.message(text))")
    }

    @Test func usernameMessagesNameTheRuleThatFailed() {
        #expect(
            Self.english(Username.message("saad h", minLength: 6, maxLength: 20)).contains("'U+0020' at position 5"))
        #expect(
            Self.english(Username.message(String(repeating: "a", count: 25), minLength: 6, maxLength: 20))
                == "The username has 25 characters; at most 20 are allowed.")
        #expect(Self.english(Username.message("abcd", minLength: 8, maxLength: 20)).contains("at least 8"))
    }

    @Test func nameMessagesSayWhichCharacterAndWhatItIs() {
        let control = PersonName.message("Acme\u{1}", script: .any, column: "name")
        #expect(Self.english(control).contains("'U+0001' at position 5 is a control character"))
        #expect(Self.english(PersonName.message("--", script: .latin, column: "name_en")) == "name_en holds no letter.")
        let digit = PersonName.message("محمد٣", script: .arabic, column: "name_ar")
        #expect(Self.english(digit).contains("'٣' at position 5 is a digit"))
    }

    @Test(arguments: [
        ("1445-10-30", "30 Shawwal 1445 AH does not exist: Shawwal 1445 AH has 29 days."),
        ("29/02/2023", "29 February 2023 does not exist: February 2023 has 28 days."),
        ("2020-01-01H", "The date is marked Hijri, but 2020 is not a Hijri year"),
        ("2020/01/01", "not a date in the form YYYY-MM-DD or DD/MM/YYYY"),
        ("٢٠٢٣-٠٢-٢٩", "29 February 2023 does not exist"),
    ])
    func dateMessages(text: String, expected: String) {
        #expect(CalendarDate.parse(text) == .failure(.dateInvalid), "\(text) is valid")
        #expect(
            Self.english(CalendarDate.message(text)) == expected
                || Self.english(CalendarDate.message(text)).contains(expected))
    }

    @Test func arabicDateMessageNamesTheHijriMonth() {
        #expect(
            CalendarDate.message("1445-10-30").render(.arabic, PlainMessageStyle())
                == "لا يوجد يوم 30 من شوال 1445 هـ: عدد أيام شوال 1445 هـ هو 29.")
    }
}
