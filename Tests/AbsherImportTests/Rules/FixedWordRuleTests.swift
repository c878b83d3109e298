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

@Suite struct FixedWordRuleTests {
    @Test(arguments: [
        ("M", "M"), ("m", "M"), ("male", "M"), ("MALE", "M"), ("Male", "M"), ("ذكر", "M"),
        ("F", "F"), ("f", "F"), ("female", "F"), ("FEMALE", "F"), ("أنثى", "F"), ("انثى", "F"),
    ])
    func normalisesGender(text: String, expected: String) {
        #expect(Gender.normalize(text) == .success(expected))
    }

    @Test(arguments: ["", "X", "mal", "males", "man", "woman", "1", "ذ", "M ", "Ｍ"])
    func rejectsUnknownGender(text: String) {
        #expect(Gender.normalize(text) == .failure(.genderInvalid))
    }

    @Test(arguments: [
        ("ar", "ar"), ("AR", "ar"), ("Arabic", "ar"), ("ARABIC", "ar"), ("العربية", "ar"),
        ("en", "en"), ("EN", "en"), ("English", "en"), ("english", "en"), ("الإنجليزية", "en"), ("الانجليزية", "en"),
    ])
    func normalisesPreferredLanguage(text: String, expected: String) {
        #expect(PreferredLanguage.normalize(text) == .success(expected))
    }

    @Test(arguments: ["", "fr", "ara", "eng", "arab", "عربي", "e"])
    func rejectsUnknownLanguage(text: String) {
        #expect(PreferredLanguage.normalize(text) == .failure(.languageInvalid))
    }

    @Test(arguments: [
        ("individual", SponsorType.individual), ("INDIVIDUAL", .individual), ("Individual", .individual),
        ("فرد", .individual), ("establishment", .establishment), ("Establishment", .establishment),
        ("منشأة", .establishment), ("منشاة", .establishment),
    ])
    func readsSponsorType(text: String, expected: SponsorType) {
        #expect(SponsorType(text: text) == expected)
    }

    @Test(arguments: ["", "company", "person", "individuals", "منشأه1", "7"])
    func rejectsUnknownSponsorType(text: String) {
        #expect(SponsorType(text: text) == nil)
    }
}
