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

@Suite struct CellTextRuleTests {
    static func normalize(_ text: String) -> String? {
        CellText.normalize(Array(text.utf8)[...])
    }

    @Test(arguments: [
        ("abc", "abc"), ("  abc  ", "abc"), ("\tabc\r\n", "abc"), ("a  b", "a b"), ("a \t\n b  c", "a b c"),
        ("\u{A0}محمد\u{A0}", "محمد"), ("محمد\u{A0}\u{A0}علي", "محمد علي"), ("\u{200F}محمد\u{200E}", "محمد"),
        ("\u{200E} 0551234567 \u{200F}", "0551234567"), ("\u{61C}abc", "abc"), ("a\u{3000}b", "a b"),
        ("a\u{2003}\u{2009}b", "a b"), ("e\u{301}", "\u{E9}"), ("Jose\u{301} Mu\u{308}ller", "Jos\u{E9} M\u{FC}ller"),
        ("\u{627}\u{653}", "\u{622}"), ("\u{627}\u{654}", "\u{623}"), ("a\u{200F}b", "a\u{200F}b"),
        ("\u{2126}", "\u{3A9}"), ("x\u{85}y", "x y"), ("١٢٣", "١٢٣"), ("0", "0"),
        ("\u{645}\u{651}\u{64E}", "\u{645}\u{64E}\u{651}"),
    ])
    func trimsCollapsesAndComposes(text: String, expected: String) {
        let normalized = Self.normalize(text)
        #expect(normalized == expected)
        // Canonical equivalence hides NFC differences from ==, so compare the scalars too.
        #expect(normalized.map { Array($0.unicodeScalars) } == Array(expected.unicodeScalars))
    }

    @Test(arguments: ["", " ", "\t\r\n", "\u{A0}", "\u{200F}", " \u{200E}\u{A0} \u{200F} ", "\u{3000}"])
    func readsBlankCellAsMissing(text: String) {
        #expect(Self.normalize(text) == nil)
    }

    @Test func normalisesASliceOfALargerBuffer() {
        let bytes = Array("x, a  b ,y".utf8)
        #expect(CellText.normalize(bytes[2..<8]) == "a b")
    }

    @Test func decodesInvalidUTF8AsReplacementCharacter() {
        #expect(CellText.normalize([0x61, 0xFF, 0x62][...]) == "a\u{FFFD}b")
    }
}

@Suite struct DigitsRuleTests {
    @Test(arguments: [
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"), ("۰۱۲۳۴۵۶۷۸۹", "0123456789"), ("abc", "abc"), ("", ""),
        ("رقم ١٢٣ و۴۵", "رقم 123 و45"), ("٫٬", "٫٬"), ("\u{6AF}٣", "\u{6AF}3"),
    ])
    func foldsArabicDigitsToASCII(text: String, expected: String) {
        #expect(Digits.asciiDigits(text) == expected)
    }
}
