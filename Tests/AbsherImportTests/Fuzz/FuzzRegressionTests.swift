import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation
import Testing

@testable import AbsherImport

/// The fuzz targets' checks (`ReaderTarget`, `RulesTarget`, linked from Fuzz/) over every input the fuzzers
/// found (Fuzz/regressions/) and over inputs known to be tricky for the reader and the rules.
@Suite struct FuzzRegressionTests {
    /// The repository's Fuzz/regressions/ folder.
    static let regressionFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/regressions")

    /// The names of the committed fuzzer inputs (dot files aside).
    static let regressionNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: regressionFolder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    static let citizenHeader =
        "national_id,name_ar,name_en,birth_date,gender,mobile,email,username,preferred_language,id_expiry\r\n"

    /// Inputs that cut through the reader's and the rules' corner cases.
    static let trickyInputs: [(String, [UInt8])] = [
        ("empty", []),
        ("UTF-8 BOM only", [0xEF, 0xBB, 0xBF]),
        ("UTF-16LE BOM and an odd byte", [0xFF, 0xFE, 0x41]),
        ("UTF-16BE lone high surrogate", [0xFE, 0xFF, 0xD8, 0x00, 0x00, 0x2C, 0x00, 0x41]),
        ("UTF-32 BOM", [0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]),
        ("invalid UTF-8 read as Windows-1256", [0x61, 0xC3, 0x28, 0x2C, 0xFF, 0x0A, 0xE1]),
        ("UTF-8 cut at the end", [0x61, 0x2C, 0xE2, 0x82]),
        ("forced UTF-16BE on odd input", [0x60, 0x22, 0x0D]),
        ("unterminated quote", Array("a,\"b\nc,d".utf8)),
        ("text after a closing quote", Array("a\"b\",\"c\"d\"\",e\r\n".utf8)),
        ("CR-only lines and blank lines", Array("\r\r\ra,b\rc,d\r\n\r\n\n".utf8)),
        ("quoted CRLF and CR", Array("\"a\r\nb\r\",\"\r\"\nc,d".utf8)),
        ("doubled quotes only", Array("\"\"\"\"\"\"".utf8)),
        ("delimiters only", Array(";;;|||\t\t,,,\n".utf8)),
        (
            "citizen row with Arabic-Indic digits and a Hijri date",
            Array(
                (citizenHeader
                    + "١٠٠٠٠٠٠٠٠٨,محمد,Mohammed,١٤٠٥-٠٣-١٢ هـ,ذكر,٠٥٠ ١٢٣ ٤٥٦٧,Ali@EXAMPLE.SA,ali.m,العربية,1450-01-01H\r\n")
                    .utf8)
        ),
        (
            "sponsor row",
            Array("sponsor_id;sponsor_type;name;mobile\n7000000005;منشأة;شركة 1;+966 0 50 123 4567\n".utf8)
        ),
        ("spaces and bidi marks around a mobile", Array(" \u{200F}+966 ٥٠ 123 4567\u{00A0}\u{061C}".utf8)),
        ("combining accent needing NFC", Array("  Jose\u{301}  Mari\u{0301}a ".utf8)),
        ("quad spaces that NFC would change", Array("a\u{2000}\u{2001}b\u{2000}".utf8)),
        ("Arabic alef with combining madda", Array("ا\u{0653}حمد".utf8)),
        ("Gregorian date with a Hijri mark", Array("1990-01-01 هـ".utf8)),
        ("Hijri date before 1900 Gregorian", Array("01/01/1300".utf8)),
        ("mixed digits in an ID", Array("1٠٠٠٠٠٠٠٠8".utf8)),
        ("internationalised e-mail domain", Array("user@مثال.السعودية".utf8)),
        ("password column in the header", Array("national_id,Password,name_ar\n1000000008,secret,علي\n".utf8)),
    ]

    @Test(arguments: regressionNames)
    func inputFoundByTheFuzzerKeepsTheInvariants(name: String) throws {
        let data = try [UInt8](Data(contentsOf: Self.regressionFolder.appendingPathComponent(name)))
        #expect(ReaderTarget.violations(in: data) == [])
        #expect(RulesTarget.violations(in: data) == [])
    }

    @Test(arguments: trickyInputs)
    func trickyInputKeepsTheReaderInvariants(name: String, data: [UInt8]) {
        #expect(ReaderTarget.violations(in: data) == [], "\(name)")
        // With every first byte's chunk sizes and forced encodings too.
        for selector: UInt8 in [0x00, 0x0F, 0x41, 0x5A, 0x63, 0x7F] where !data.isEmpty {
            #expect(ReaderTarget.violations(in: [selector] + data.dropFirst()) == [], "\(name), first byte \(selector)")
        }
    }

    @Test(arguments: trickyInputs)
    func trickyInputKeepsTheRuleInvariants(name: String, data: [UInt8]) {
        #expect(RulesTarget.violations(in: data) == [], "\(name)")
    }

    @Test func regressionFolderExists() {
        #expect(FileManager.default.fileExists(atPath: Self.regressionFolder.path))
    }

    @Test func readerCheckCatchesBrokenRecords() {
        let previous = CSVRecord(line: 3, bytes: [], fieldEnds: [0], raw: [], isUnterminated: true)
        let broken = CSVRecord(line: 2, bytes: [0x61, 0xFF], fieldEnds: [2, 1], raw: [0x61], isUnterminated: false)
        let problems = ReaderTarget.violations(of: broken, after: previous)
        #expect(problems.count == 6)
    }

    @Test func ruleCheckAcceptsCanonicalCellsAndReportsNothing() {
        var problems: [String] = []
        for cell in ["+966501234567", "1000000008", "1990-01-01", "ali@example.sa", "SAU", "M", "ar"] {
            RulesTarget.checkCell(Array(cell.utf8)[...], into: &problems)
        }
        #expect(problems == [])
    }
}
