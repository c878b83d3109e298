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

/// Shared helpers of the reading tests: the conformance suites, temp files, reading everything.
enum ReadingTestSupport {
    /// The folder holding Package.swift.
    static let packageRoot: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                break
            }
            directory.deleteLastPathComponent()
        }
        return directory
    }()

    /// The project's shared suites, `../shared/conformance` next to the checkout, read in place.
    static let sharedConformanceDirectory = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/conformance")

    /// The copy committed in `Tests/Conformance` (same files, with their licenses), for a clone that has
    /// no `../shared` beside it (a CI machine).
    static let vendoredConformanceDirectory = packageRoot.appendingPathComponent("Tests/Conformance")

    /// The suites as the tests read them: the shared ones where they are, the committed copy otherwise.
    static let conformanceDirectory: URL =
        FileManager.default.fileExists(atPath: sharedConformanceDirectory.path)
        ? sharedConformanceDirectory : vendoredConformanceDirectory

    /// The chunk sizes every input is read with; all must give identical records.
    static let chunkSizes = [1, 2, 3, 5, 7, 1 << 20]

    static func url(_ relativePath: String) -> URL {
        conformanceDirectory.appendingPathComponent(relativePath)
    }

    static func data(_ relativePath: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: url(relativePath)))
    }

    static func json(_ relativePath: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url(relativePath)))
    }

    /// The files of a conformance folder with the given extension, sorted.
    static func files(in folder: String, withExtension pathExtension: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []
        return names.filter { $0.hasSuffix("." + pathExtension) }.sorted()
    }

    /// Every record of `reader`.
    static func readAll(_ reader: inout CSVReader) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        while let record = try reader.next() {
            records.append(record)
        }
        return records
    }

    /// Every record of `bytes` read with `chunkSize`.
    static func records(
        _ bytes: [UInt8], chunkSize: Int = 1 << 20, delimiter: UInt8? = nil, encoding: TextEncoding? = nil
    ) throws -> [CSVRecord] {
        var reader = CSVReader(bytes: bytes, delimiter: delimiter, encoding: encoding, chunkSize: chunkSize)
        return try readAll(&reader)
    }

    /// Every record of `bytes` as strings.
    static func rows(_ bytes: [UInt8], chunkSize: Int = 1 << 20, delimiter: UInt8? = nil) throws -> [[String]] {
        try records(bytes, chunkSize: chunkSize, delimiter: delimiter).map(\.strings)
    }

    static func rows(_ text: String, chunkSize: Int = 1 << 20, delimiter: UInt8? = nil) throws -> [[String]] {
        try rows(Array(text.utf8), chunkSize: chunkSize, delimiter: delimiter)
    }

    /// A comparable summary of a record: line, fields, raw text, unterminated flag.
    static func summary(_ record: CSVRecord) -> String {
        "\(record.line)|\(record.strings)|\(String(decoding: record.raw, as: UTF8.self))|\(record.isUnterminated)"
    }

    /// A new empty folder under the temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("absher-reading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `bytes` to a new temp file and returns its path.
    static func temporaryFile(_ bytes: [UInt8], name: String = "input.csv") throws -> String {
        let url = try temporaryDirectory().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// UTF-16 bytes of `text` with a BOM.
    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8)
            let low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }
}
