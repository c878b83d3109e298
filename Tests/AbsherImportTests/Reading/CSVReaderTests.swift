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

/// Streaming, encodings and structure cases no conformance suite covers.
@Suite struct CSVReaderTests {
    typealias Support = ReadingTestSupport

    struct Input: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var testDescription: String { name }
    }

    static let streamingInputs: [Input] = [
        Input(name: "CRLF", bytes: Array("a,b\r\n1,2\r\n\r\n3,4\r\n".utf8)),
        Input(name: "lone CR", bytes: Array("a,b\r1,2\r\r3,4".utf8)),
        Input(name: "doubled quotes", bytes: Array("a,b\n\"x\"\"y\",\"\"\"\"\n\"\",z\n".utf8)),
        Input(name: "Arabic UTF-8", bytes: Array("الاسم,رقم\nمحمد بن سعد,١٢٣\r\nعبدالله,٤٥٦".utf8)),
        Input(name: "emoji and 3-byte UTF-8", bytes: Array("a,b\n😀€,ـ\u{200F}،؛\n".utf8)),
        Input(name: "UTF-8 BOM", bytes: [0xEF, 0xBB, 0xBF] + Array("name,x\n1,2\n".utf8)),
        Input(name: "UTF-16LE surrogate pairs", bytes: Support.utf16("a,b\r\n😀,𝄞x\r\n", bigEndian: false)),
        Input(name: "UTF-16BE surrogate pairs", bytes: Support.utf16("a,b\n😀,𝄞x\n\"q\nr\",s", bigEndian: true)),
        Input(name: "quoted line breaks", bytes: Array("h1,h2\n\"a\r\nb\",\"c\rd\ne\"\nlast,x".utf8)),
        Input(name: "Windows-1256", bytes: Array("name;x\n".utf8) + [0xE3, 0xCD, 0xE3, 0xCF, 0x3B, 0x31, 0x0A]),
        Input(name: "invalid UTF-8 after BOM", bytes: [0xEF, 0xBB, 0xBF, 0x61, 0x2C, 0xE2, 0x82, 0x0A, 0xF0, 0x9F]),
    ]

    @Test(arguments: streamingInputs)
    func givesSameRecordsAtEveryChunkSize(input: Input) throws {
        let reference = try Support.records(input.bytes).map(Support.summary)
        #expect(!reference.isEmpty)
        for chunkSize in Support.chunkSizes.dropLast() {
            #expect(try Support.records(input.bytes, chunkSize: chunkSize).map(Support.summary) == reference)
        }
    }

    @Test func recordsStartAtTheirPhysicalLine() throws {
        let text = "h1,h2\n\"a\r\nb\",\"c\rd\ne\"\n\nlast,x\r\n\r\n\"m\n\nn\",y\nz,\"unterminated\nrest"
        for chunkSize in Support.chunkSizes {
            let records = try Support.records(Array(text.utf8), chunkSize: chunkSize)
            #expect(records.map(\.line) == [1, 2, 7, 9, 12])
            #expect(records[1].strings == ["a\r\nb", "c\rd\ne"])
            #expect(records[3].strings == ["m\n\nn", "y"])
            #expect(records[4].strings == ["z", "unterminated\nrest"])
            #expect(records[4].isUnterminated)
            #expect(records.dropLast().allSatisfy { !$0.isUnterminated })
        }
    }

    /// The rejected/ copies read past the records they do not copy: the others come out as a full read gives them.
    @Test(
        arguments: streamingInputs + [
            Input(
                name: "blank lines and an unterminated quote",
                bytes: Array("h1,h2\n\"a\r\nb\",\"c\rd\ne\"\n\nlast,x\r\n\r\n\"m\n\nn\",y\nz,\"unterminated\nrest".utf8)
            )
        ])
    func skippingRecordsLeavesTheOthersAsRead(input: Input) throws {
        let reference = try Support.records(input.bytes).map(Support.summary)
        for chunkSize in Support.chunkSizes {
            for keepEvery in 1...3 {
                var reader = CSVReader(bytes: input.bytes, chunkSize: chunkSize)
                var kept: [String] = []
                var index = 0
                while true {
                    if index % keepEvery == 0 {
                        guard let record = try reader.next() else { break }
                        kept.append(Support.summary(record))
                    } else {
                        guard try reader.skipRecord() else { break }
                    }
                    index += 1
                }
                #expect(index == reference.count)
                #expect(kept == reference.enumerated().filter { $0.offset % keepEvery == 0 }.map(\.element))
            }
        }
    }

    /// Fields of every length around the reader's 8-byte steps, delimiters, quotes and line breaks at every
    /// place in a word: read as in one chunk they give what a byte at a time (chunks of 1) gives.
    @Test func findsDelimitersAtEveryPlaceOfAWord() throws {
        var text = "a,b\n"
        for length in 0..<20 {
            let cell = String(repeating: "x", count: length)
            text += "\(cell),\(cell)é\n\"\(cell)\r\n\(cell)\",\"\(cell)\"\"\(cell)\"\r\n\(cell)\r\(cell)\n\n"
        }
        let bytes = Array(text.utf8)
        let reference = try Support.records(bytes, chunkSize: 1).map(Support.summary)
        #expect(reference.count > 60)
        #expect(try Support.records(bytes).map(Support.summary) == reference)
    }

    @Test func keepsRawRecordWithoutItsLineBreak() throws {
        let records = try Support.records(Array("a,b\r\n\"x,\"\"y\"\" \",  z \r\n".utf8))
        #expect(records.map { String(decoding: $0.raw, as: UTF8.self) } == ["a,b", "\"x,\"\"y\"\" \",  z "])
        #expect(records[1].strings == ["x,\"y\" ", "  z "])
    }

    @Test func guessesWindows1256WhenFirstNonASCIIByteComesAfterTheFirstChunk() throws {
        var bytes = Array("national_id;name_ar\n".utf8)
        for index in 0..<200 {
            bytes += Array("10000000\(index % 10)2;name\n".utf8)
        }
        bytes +=
            Array("1012345672;".utf8) + [0xE3, 0xCD, 0xE3, 0xCF, 0x20, 0xC8, 0xE4, 0x20, 0xD3, 0xDA, 0xCF] + [0x0A]
        for chunkSize in [7, 64, 1 << 20] {
            let path = try Support.temporaryFile(bytes)
            var reader = try CSVReader(path: path, chunkSize: chunkSize)
            let records = try Support.readAll(&reader)
            #expect(reader.encoding == .windows1256)
            #expect(reader.encodingWasGuessed)
            #expect(reader.delimiter == UInt8(ascii: ";"))
            #expect(records.count == 202)
            #expect(records.last?.strings == ["1012345672", "محمد بن سعد"])
            #expect(records.last?.line == 202)
        }
    }

    @Test func readsExcelUnicodeText() throws {
        let bytes = Support.utf16("national_id\tname_ar\tmobile\r\n1012345672\tمحمد\t0551234567\r\n", bigEndian: false)
        let path = try Support.temporaryFile(bytes)
        var reader = try CSVReader(path: path)
        let rows = try Support.readAll(&reader).map(\.strings)
        #expect(reader.encoding == .utf16LittleEndian)
        #expect(!reader.encodingWasGuessed)
        #expect(reader.delimiter == 0x09)
        #expect(rows == [["national_id", "name_ar", "mobile"], ["1012345672", "محمد", "0551234567"]])
    }

    @Test func replacesLoneSurrogatesAndOddTrailingByte() throws {
        // "a" high-surrogate "b" low-surrogate, then a dangling byte.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x3D, 0xD8, 0x62, 0x00, 0x00, 0xDC, 0x63]
        for chunkSize in Support.chunkSizes {
            #expect(try Support.rows(bytes, chunkSize: chunkSize) == [["a\u{FFFD}b\u{FFFD}\u{FFFD}"]])
        }
    }

    @Test(arguments: [
        [UInt8]([0xEF, 0xBB, 0xBF]), [0xFF, 0xFE], [0xFE, 0xFF], [],
    ])
    func fileWithOnlyAByteOrderMarkHasNoRecords(bytes: [UInt8]) throws {
        let path = try Support.temporaryFile(bytes)
        var reader = try CSVReader(path: path)
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
        #expect(reader.bytesRead == bytes.count)
    }

    @Test func keepsNULBytes() throws {
        let bytes: [UInt8] = Array("a,b\n".utf8) + [0x00, 0x2C, 0x78, 0x00, 0x79, 0x0A]
        #expect(try Support.rows(bytes) == [["a", "b"], ["\0", "x\0y"]])
    }

    @Test func readsHeaderOnlyFile() throws {
        #expect(try Support.rows("national_id,name_ar,mobile") == [["national_id", "name_ar", "mobile"]])
        #expect(try Support.rows("national_id,name_ar,mobile\r\n") == [["national_id", "name_ar", "mobile"]])
    }

    @Test func keepsAllEmptyRowsAndSkipsBlankLines() throws {
        let records = try Support.records(Array("a,b,c,d\n,,,\n\n1,2,3,4\n,,,\n\n".utf8))
        #expect(
            records.map(\.strings) == [
                ["a", "b", "c", "d"], ["", "", "", ""], ["1", "2", "3", "4"], ["", "", "", ""],
            ])
        #expect(records.map(\.line) == [1, 2, 4, 5])
    }

    @Test func unterminatedQuoteMidFileSwallowsTheRest() throws {
        let records = try Support.records(Array("h1,h2\n1,\"open\n2,x\n3,y\n".utf8))
        #expect(records.count == 2)
        #expect(records[1].strings == ["1", "open\n2,x\n3,y\n"])
        #expect(records[1].isUnterminated)
        #expect(records[1].line == 2)
    }

    @Test func keepsDuplicateAndEmptyHeaderNames() throws {
        #expect(
            try Support.rows("id,name,id,,\n1,a,2,,\n") == [["id", "name", "id", "", ""], ["1", "a", "2", "", ""]])
    }

    // MARK: Regressions of CSV.swift and SwiftCSV (STYLE.md)

    @Test func byteOrderMarkIsNotPartOfTheFirstHeaderName() throws {
        let records = try Support.records([0xEF, 0xBB, 0xBF] + Array("national_id,name\n".utf8))
        #expect(records.first?.string(0) == "national_id")
        #expect(records.first?.field(0).first == UInt8(ascii: "n"))
    }

    @Test func keepsEmptyLastField() throws {
        #expect(try Support.rows("a,b,\n1,2,\n1,2,") == [["a", "b", ""], ["1", "2", ""], ["1", "2", ""]])
    }

    @Test func keepsSurroundingSpaces() throws {
        #expect(try Support.rows(" a , b \n  1  ,\t2\t\n") == [[" a ", " b "], ["  1  ", "\t2\t"]])
    }

    @Test func decodingErrorDoesNotEndTheData() throws {
        // Declared UTF-8 with an ill-formed sequence in the middle: replaced, and every later record is read.
        let bytes = Array("a,b\n1,".utf8) + [0xC3, 0x28, 0xFF] + Array("\n2,x\n3,y\n".utf8)
        for chunkSize in Support.chunkSizes {
            let rows = try Support.records(bytes, chunkSize: chunkSize, encoding: .utf8).map(\.strings)
            #expect(rows == [["a", "b"], ["1", "\u{FFFD}(\u{FFFD}"], ["2", "x"], ["3", "y"]])
        }
    }

    // MARK: Detection, files, hashing

    @Test(arguments: [
        ("a,b;c;d\n", UInt8(ascii: ";")), ("a\tb\tc\n", 0x09), ("a|b|c", UInt8(ascii: "|")),
        ("abc\n", UInt8(ascii: ",")),
        ("\"a;b;c\",d,e\n", UInt8(ascii: ",")), ("\n\na;b\n", UInt8(ascii: ";")), ("a,b;c\n", UInt8(ascii: ",")),
    ])
    func detectsDelimiterFromHeader(header: String, expected: UInt8) {
        for chunkSize in [1, 3, 1 << 20] {
            #expect(CSVReader(bytes: Array(header.utf8), chunkSize: chunkSize).delimiter == expected)
        }
    }

    @Test func givenDelimiterAndEncodingOverrideDetection() throws {
        let bytes = Array("a;b,c\n".utf8)
        var reader = CSVReader(bytes: bytes, delimiter: UInt8(ascii: ","), encoding: .windows1256)
        #expect(reader.encoding == .windows1256)
        #expect(!reader.encodingWasGuessed)
        #expect(try reader.next()?.strings == ["a;b", "c"])
    }

    @Test func directoryIsUnreadable() throws {
        let directory = try Support.temporaryDirectory().path
        #expect(throws: CSVReadError.unreadable(path: directory, reason: "Is a directory")) {
            _ = try CSVReader(path: directory)
        }
    }

    @Test func missingFileIsUnreadable() throws {
        let path = try Support.temporaryDirectory().appendingPathComponent("absent.csv").path
        #expect(throws: CSVReadError.unreadable(path: path, reason: "No such file or directory")) {
            _ = try CSVReader(path: path)
        }
    }

    @Test func hashMatchesSHA256SumAndReportsProgress() throws {
        var bytes = [0xEF, 0xBB, 0xBF] + Array("national_id,name\n".utf8)
        for index in 0..<5000 {
            bytes += Array("\(1_000_000_000 + index),\"name \(index)\"\r\n".utf8)
        }
        let path = try Support.temporaryFile(bytes)
        var reader = try CSVReader(path: path, chunkSize: 4096)
        #expect(reader.fileSize == bytes.count)
        let records = try Support.readAll(&reader)
        #expect(records.count == 5001)
        #expect(reader.bytesRead == bytes.count)
        #expect(reader.sha256Hex() == (try Self.sha256sum(path)))
    }

    /// The output of `sha256sum PATH`, first word.
    static func sha256sum(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
    }
}
