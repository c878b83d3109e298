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

/// The CSV conformance suites of ../shared/conformance, read in place (or their committed copy in
/// Tests/Conformance on a machine without it).
@Suite struct ConformanceSuiteTests {
    typealias Support = ReadingTestSupport

    static let spectrumNames = Support.files(in: "csv-spectrum/csvs", withExtension: "csv")
        .map { String($0.dropLast(4)) }

    @Test func conformanceSuitesAreFound() {
        #expect(Self.spectrumNames.count == 11)
        #expect(Self.dialectNames.count == 15)
        #expect(Self.fastCSVCases.count == 67)
    }

    @Test(arguments: spectrumNames)
    func matchesCSVSpectrum(name: String) throws {
        let path = Support.url("csv-spectrum/csvs/\(name).csv").path
        var reader = try CSVReader(path: path)
        let records = try Support.readAll(&reader).map(\.strings)
        let expected = try #require(try Support.json("csv-spectrum/json/\(name).json") as? [[String: String]])
        let header = try #require(records.first)
        let actual = records.dropFirst().map { row in
            Dictionary(uniqueKeysWithValues: zip(header, row))
        }
        #expect(Array(actual) == expected)
    }

    struct FastCSVCase: CustomTestStringConvertible, Sendable {
        var id: String
        var input: String
        var records: [[String]]
        var exceptionAllowed: Bool
        var testDescription: String { id }
    }

    static let fastCSVCases: [FastCSVCase] = {
        guard let root = try? Support.json("fastcsv-spec/expanded.json") as? [String: Any],
            let cases = root["cases"] as? [[String: Any]]
        else { return [] }
        return cases.compactMap { item in
            guard item["commentMode"] as? String == "NONE", item["skipEmptyLines"] as? Bool == false,
                let id = item["id"] as? String, let input = item["input"] as? String,
                var records = item["records"] as? [[String]]
            else { return nil }
            if id.hasPrefix("line-breaks-3") {
                // Contract §2.1: a blank line is not a record.
                records = records.filter { $0 != [""] }
            }
            return FastCSVCase(
                id: id, input: input, records: records, exceptionAllowed: item["exceptionAllowed"] as? Bool ?? false)
        }
    }()

    @Test(arguments: fastCSVCases)
    func matchesFastCSVSpec(testCase: FastCSVCase) throws {
        for chunkSize in Support.chunkSizes {
            let records = try Support.records(Array(testCase.input.utf8), chunkSize: chunkSize, delimiter: 0x2C)
            let rows = records.map(\.strings)
            if testCase.exceptionAllowed, rows != testCase.records {
                // The reader may instead flag the input: only an unterminated last record is acceptable.
                #expect(records.last?.isUnterminated == true, "\(testCase.id) chunk \(chunkSize): \(rows)")
            } else {
                #expect(rows == testCase.records, "chunk \(chunkSize)")
            }
        }
    }

    @Test func fastCSVUnterminatedQuoteIsFlagged() throws {
        let records = try Support.records(Array("A,\"B".utf8))
        #expect(records.map(\.strings) == [["A", "B"]])
        #expect(records.last?.isUnterminated == true)
    }

    static let bomNames = Support.files(in: "fastcsv-spec/bom", withExtension: "csv")

    @Test(arguments: bomNames)
    func matchesFastCSVByteOrderMarkFiles(name: String) throws {
        let expected = try #require(try Support.json("fastcsv-spec/bom/expected.json") as? [String: [String: Any]])
        let entry = try #require(expected[name])
        var reader = try CSVReader(path: Support.url("fastcsv-spec/bom/\(name)").path)
        let rows = try Support.readAll(&reader).map(\.strings)
        if entry["outside_spec"] as? Bool == true {
            // UTF-32: outside the contract; only no crash and an end of data.
            #expect(try reader.next() == nil)
            return
        }
        #expect(rows == entry["rows"] as? [[String]])
        #expect(reader.encoding.rawValue == entry["encoding"] as? String)
    }

    static let dialectNames = Support.files(in: "dialects", withExtension: "csv")

    @Test(arguments: dialectNames)
    func matchesDialects(name: String) throws {
        let expected = try #require(try Support.json("dialects/expected.json") as? [String: [String: Any]])
        let entry = try #require(expected[name])
        var reader = try CSVReader(path: Support.url("dialects/\(name)").path)
        let rows = try Support.readAll(&reader).map(\.strings)
        #expect(rows == entry["rows"] as? [[String]])
        #expect(String(UnicodeScalar(reader.delimiter)) == entry["delimiter"] as? String)
        #expect(reader.encoding.rawValue == entry["encoding"] as? String)
        #expect(reader.encodingWasGuessed == (name == "windows1256.csv"))
    }

    /// Every conformance input gives the same records (lines, fields, raw) at every chunk size.
    static let allInputs: [String] =
        spectrumNames.map { "csv-spectrum/csvs/\($0).csv" } + bomNames.map { "fastcsv-spec/bom/\($0)" }
        + dialectNames.map { "dialects/\($0)" }

    @Test(arguments: allInputs)
    func givesSameRecordsAtEveryChunkSize(input: String) throws {
        let bytes = try Support.data(input)
        let reference = try Support.records(bytes).map(Support.summary)
        #expect(!reference.isEmpty)
        for chunkSize in Support.chunkSizes.dropLast() {
            let records = try Support.records(bytes, chunkSize: chunkSize).map(Support.summary)
            #expect(records == reference, "chunk \(chunkSize)")
        }
    }
}

/// The committed copy of the suites must not drift from the shared ones, where both are present.
@Test(.enabled(if: FileManager.default.fileExists(atPath: ReadingTestSupport.sharedConformanceDirectory.path)))
func vendoredConformanceSuitesEqualTheSharedOnes() throws {
    let shared = ReadingTestSupport.sharedConformanceDirectory
    let vendored = ReadingTestSupport.vendoredConformanceDirectory
    let files = try FileManager.default.subpathsOfDirectory(atPath: shared.path).sorted()
    var compared = 0
    for file in files {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(
            atPath: shared.appendingPathComponent(file).path, isDirectory: &isDirectory)
        guard exists, !isDirectory.boolValue else { continue }
        let expected = try Data(contentsOf: shared.appendingPathComponent(file))
        let copy = try? Data(contentsOf: vendored.appendingPathComponent(file))
        #expect(copy == expected, "Tests/Conformance/\(file) differs from ../shared/conformance/\(file)")
        compared += 1
    }
    #expect(compared > 60)
}
