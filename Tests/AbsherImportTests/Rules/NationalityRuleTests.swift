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

@Suite struct NationalityRuleTests {
    @Test(
        arguments: [
            ("EGY", "EGY"), ("egy", "EGY"), ("Ind", "IND"), ("pak", "PAK"), ("YEM", "YEM"), ("usa", "USA"),
            ("ALA", "ALA"), ("ZWE", "ZWE"), ("ABW", "ABW"), ("SSD", "SSD"), ("PSE", "PSE"), ("XKX", nil),
        ] as [(String, String?)])
    func normalisesAssignedCodeToUpperCase(text: String, expected: String?) {
        let result = Nationality.normalize(text, forbidSaudi: true)
        if let expected {
            #expect(result == .success(expected))
        } else {
            #expect(result == .failure(.nationalityInvalid))  // Kosovo's XKX is user-assigned, not ISO
        }
    }

    @Test func listsExactlyThe249AssignedCodes() {
        #expect(Nationality.codes.count == 249)
        #expect(Set(Nationality.codes).count == 249)
        for code in Nationality.codes {
            #expect(Nationality.normalize(String(code.lowercased()), forbidSaudi: false) == .success(String(code)))
        }
    }

    @Test func rejectsSaudiOnlyWhereForbidden() {
        #expect(Nationality.normalize("SAU", forbidSaudi: false) == .success("SAU"))
        #expect(Nationality.normalize("sau", forbidSaudi: false) == .success("SAU"))
        #expect(Nationality.normalize("SAU", forbidSaudi: true) == .failure(.nationalityInvalid))
        #expect(Nationality.normalize("Sau", forbidSaudi: true) == .failure(.nationalityInvalid))
    }

    @Test(arguments: ["", "EG", "EGYP", "SA", "AAA", "ZZZ", "E1Y", "EG Y", "مصر", "Egypt", "ÉGY", "ANT", "SCG"])
    func rejectsAnythingButAnAssignedCode(text: String) {
        #expect(Nationality.normalize(text, forbidSaudi: false) == .failure(.nationalityInvalid))
    }
}
