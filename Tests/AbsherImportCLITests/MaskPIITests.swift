import Foundation
import Testing

/// Contract §6.10 on SampleData/, through the built binary: under `--mask-pii` no ID, mobile or e-mail value of
/// the input, valid or not, is left in clear in any file under the report folder, and every date still reads in
/// full (the same dates, as many times, as in the unmasked reports).
@Suite struct MaskPIITests {
    /// Every value of the ID, sponsor, mobile and e-mail columns of SampleData's files, whatever its rule made
    /// of it, trimmed, with the forms a report may write it in (digits folded, `+9665…`, lower case).
    static func personalValues() throws -> Set<String> {
        let sample = BinaryRun.packageRoot.appendingPathComponent("SampleData").path
        var values = Set<String>()
        for name in ["citizens.csv", "residents.csv", "sponsors.csv"] {
            let path = sample + "/" + name
            let ids = try PIIScan.values(inFile: path) { header in
                let key = header.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "_")
                return ["national_id", "iqama_number", "sponsor_id", "رقم_الهوية", "رقم_الكفيل", "رقم_الإقامة"]
                    .contains(key)
            }
            for id in ids {
                values.insert(id.trimmingCharacters(in: .whitespaces))
                values.insert(PIIScan.digits(id))
            }
            for mobile in try PIIScan.values(inFile: path, columns: { $0.contains("mobile") || $0.contains("جوال") }) {
                values.insert(mobile.trimmingCharacters(in: .whitespaces))
                values.formUnion(PIIScan.mobileForms(mobile))
            }
            for email in try PIIScan.values(inFile: path, columns: { $0.contains("mail") || $0.contains("البريد") }) {
                let trimmed = email.trimmingCharacters(in: .whitespaces)
                values.formUnion([trimmed, trimmed.lowercased()])
            }
        }
        values.remove("")
        return values
    }

    /// `run SampleData` with `options` into `folder`: the report folder.
    static func run(_ options: [String], in folder: TemporaryFolder, name: String) throws -> String {
        let run = try BinaryRun.run(
            [
                "run", "SampleData", "--now", "2026-11-25", "--max-reject-rate", "1", "--quiet",
                "--store", folder.path + "/\(name).sqlite", "--reports", folder.path + "/\(name)",
            ] + options, in: BinaryRun.packageRoot)
        #expect(run.status == 0, "\(run.stderr)")
        return URL(fileURLWithPath: folder.path + "/\(name)/latest").resolvingSymlinksInPath().path
    }

    /// Every date written in a report file (`2026-11-25`, `25/11/2026`, `1440-05-10`), with its count, once the
    /// run id and times are replaced as the golden tests replace them.
    static func dates(under folder: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for name in try GoldenReport.files(under: URL(fileURLWithPath: folder)) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            let text = String(decoding: GoldenReport.normalised(bytes, name: name), as: UTF8.self)
            for match in text.matches(of: #/\d{4}-\d{2}-\d{2}|\d{2}/\d{2}/\d{4}/#) {
                counts["\(name): \(match.output)", default: 0] += 1
            }
        }
        return counts
    }

    @Test(arguments: ["en", "ar"])
    func maskedRunLeavesNoPersonalValueInClearAndEveryDateInFull(language: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let masked = try Self.run(["--mask-pii", "--report-language", language], in: folder, name: "masked")
        let plain = try Self.run(["--report-language", language], in: folder, name: "plain")
        let values = try Self.personalValues()
        #expect(values.contains("noura.gmail.com") && values.contains("10234567") && values.contains("0531234"))
        // Long values anywhere in any file; short ones (an iqama of 4 digits) as whole CSV cells.
        let long = values.filter { $0.count >= 7 }
        let leaks = PIIScan.findings(of: long, under: masked)
        #expect(leaks.isEmpty, "\(leaks.count) values in clear, first: \(leaks.prefix(10))")
        let unmaskedLeaks = PIIScan.findings(of: long, under: plain)
        #expect(unmaskedLeaks.count > 100, "the unmasked run shows the values: \(unmaskedLeaks.count)")
        let short = values.filter { $0.count < 7 }
        #expect(!short.isEmpty)
        for name in try GoldenReport.files(under: URL(fileURLWithPath: masked)) where name.hasSuffix(".csv") {
            let cells = Set(try CSVTable(contentsOf: masked + "/" + name).rows.flatMap { $0 })
            #expect(cells.isDisjoint(with: short), "\(name): \(cells.intersection(short))")
        }
        let datesMasked = try Self.dates(under: masked)
        let datesPlain = try Self.dates(under: plain)
        #expect(datesPlain.count > 20)
        #expect(
            datesMasked == datesPlain,
            "dates masked: \(datesPlain.filter { datesMasked[$0.key] != $0.value }.keys.sorted().prefix(10))")
        let rejects = try String(contentsOfFile: masked + "/rejects.csv", encoding: .utf8)
        #expect(rejects.contains("2026-11-24") && rejects.contains("2026-11-25"))
    }
}
