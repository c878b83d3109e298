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

@Suite struct Windows1256Tests {
    @Test func matchesPythonCP1256Codec() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import sys; sys.stdout.buffer.write(bytes(range(128,256)).decode('cp1256').encode('utf-8'))",
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let expected = String(decoding: output, as: UTF8.self)
        #expect(Windows1256.decode(0x80...0xFF) == expected)
        #expect(Windows1256.highHalf.count == 128)
    }

    @Test func decodesArabicName() {
        #expect(Windows1256.decode([0xE3, 0xCD, 0xE3, 0xCF]) == "محمد")
    }

    @Test(arguments: [
        ("utf-8", TextEncoding.utf8), ("UTF8", .utf8), ("utf-16LE", .utf16LittleEndian),
        ("UTF-16BE", .utf16BigEndian), ("Windows-1256", .windows1256), ("CP1256", .windows1256),
    ])
    func namesEncodings(name: String, encoding: TextEncoding) {
        #expect(TextEncoding(name: name) == encoding)
    }

    @Test func rejectsUnknownEncodingName() {
        #expect(TextEncoding(name: "latin1") == nil)
        #expect(TextEncoding(name: "utf-32") == nil)
    }
}
