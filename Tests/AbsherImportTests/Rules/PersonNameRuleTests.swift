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

@Suite struct PersonNameRuleTests {
    @Test(arguments: [
        "محمد", "محمد بن عبدالله آل سعود", "عبد-الله", "مُحَمَّد", "نورة", "ـمحمد", "إبراهيم", "ﻣﺤﻤﺪ", "گل",
    ])
    func acceptsArabicName(text: String) {
        #expect(PersonName.validate(text, script: .arabic) == .success(text))
    }

    @Test(arguments: [
        "Mohammed", "محمد Ali", "محمد 2", "محمد ٢", "محمد،", "محمد.", "-", " ", "محمد\u{200F}علي", "محمد؟",
        "محمد'",
    ])
    func rejectsArabicNameWithOtherCharacters(text: String) {
        #expect(PersonName.validate(text, script: .arabic) == .failure(.nameScript))
    }

    @Test(arguments: [
        "Mohammed", "Mohammed bin Abdullah", "O'Brien", "Jean-Luc", "St. John", "José Müller", "Łukasz",
        "Nguyễn", "e\u{301}", "Ab",
    ])
    func acceptsLatinName(text: String) {
        #expect(PersonName.validate(text, script: .latin) == .success(text))
    }

    @Test(arguments: ["محمد", "John2", "John_Smith", "O’Brien", "Smith, John", "Иван", ".", "-'.", "John@"])
    func rejectsLatinNameWithOtherCharacters(text: String) {
        #expect(PersonName.validate(text, script: .latin) == .failure(.nameScript))
    }

    @Test(arguments: [
        "شركة الأمل للمقاولات", "Al-Amal Trading Co.", "مؤسسة 3M", "Иван", "株式会社", "Company (KSA) Ltd.",
        "محمد Ali",
    ])
    func acceptsAnyScriptForSponsorName(text: String) {
        #expect(PersonName.validate(text, script: .any) == .success(text))
    }

    @Test(arguments: ["12345", "١٢٣", "---", "Ali\u{0}", "Ali\u{1B}[0m", "Ali\u{85}x", "..."])
    func rejectsSponsorNameWithoutLettersOrWithControlCharacters(text: String) {
        #expect(PersonName.validate(text, script: .any) == .failure(.nameScript))
    }
}
