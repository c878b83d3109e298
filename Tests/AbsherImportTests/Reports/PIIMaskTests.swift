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

@Suite struct PIIMaskTests {
    @Test(arguments: [
        ("1012345672", "1******672"),
        ("2000000006", "2******006"),
        ("١٠١٢٣٤٥٦٧٢", "١******٦٧٢"),
        ("12AB45678X", "1******78X"),
        ("1234567", "*******"),
        ("", ""),
    ])
    func masksIDsKeepingTheFirstAndLastThree(id: String, masked: String) {
        #expect(PIIMask.id(id) == masked)
    }

    @Test(arguments: [
        ("+966551234567", "+9665*****567"),
        ("966551234567", "9665*****567"),
        ("00966551234567", "009665*****567"),
        ("0551234567", "0******567"),
        ("551234567", "5*****567"),
        ("055 123 4567", "0** *** *567"),
        ("+966 (55) 123-4567", "+966 (5*) ***-*567"),
        ("٠٥٥١٢٣٤٥٦٧", "٠******٥٦٧"),
        ("12345", "*****"),
    ])
    func masksMobilesKeepingTheCountryCodeFirstAndLastThree(mobile: String, masked: String) {
        #expect(PIIMask.mobile(mobile) == masked)
    }

    @Test(arguments: [
        ("ahmed@example.com", "a****@example.com"),
        ("a@x.sa", "*@x.sa"),
        ("\"odd@name\"@example.sa", "\"*********@example.sa"),
        ("not-an-email", "n********ail"),
    ])
    func masksEmailLocalParts(email: String, masked: String) {
        #expect(PIIMask.email(email) == masked)
    }

    @Test(arguments: [
        ("ID 1012345672 rejected", "ID 1******672 rejected"),
        ("call +966 55 123 4567 now", "call +966 5* *** *567 now"),
        ("رقم ٠٥٥١٢٣٤٥٦٧ مكرر", "رقم ٠******٥٦٧ مكرر"),
        (
            "contact ahmed@example.com, or sara.k@mail.example.sa.",
            "contact a****@example.com, or s*****@mail.example.sa."
        ),
        ("line 12, 3 rows, 123456 kept", "line 12, 3 rows, 123456 kept"),
        ("seven 1234567 digits", "seven ******* digits"),
        ("more than 5 people share this mobile", "more than 5 people share this mobile"),
        ("a @ b", "a @ b"),
    ])
    func masksDigitRunsAndEmailsInFreeText(text: String, masked: String) {
        #expect(PIIMask.freeText(text) == masked)
    }

    @Test func leavesNoWholeValueBehind() {
        let ids = ["1012345672", "2000000006", "1987654320", "7001234567"]
        let mobiles = ["+966551234567", "0551234567", "966591234567", "00966581234567"]
        let emails = ["ahmed@example.com", "x@y.sa", "fatimah.alqahtani@moi.gov.sa"]
        for id in ids {
            #expect(!PIIMask.id(id).contains(id))
            #expect(!PIIMask.freeText("id \(id).").contains(id))
        }
        for mobile in mobiles {
            let nationalNumber = String(mobile.suffix(9))
            #expect(!PIIMask.mobile(mobile).contains(nationalNumber))
            #expect(!PIIMask.freeText("mobile: \(mobile)").contains(nationalNumber))
        }
        for email in emails {
            let localPart = String(email.prefix { $0 != "@" })
            #expect(!PIIMask.email(email).contains(localPart))
            #expect(!PIIMask.freeText("<\(email)>").contains(localPart + "@"))
        }
    }
}
