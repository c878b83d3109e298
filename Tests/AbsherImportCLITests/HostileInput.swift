import Foundation
import Testing

/// One hostile sponsors file for `validate`: its bytes, the exit status it must give and a rule code or
/// message that must name the problem (in rejects.csv or on stderr).
struct HostileInput: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var expectedStatus: Int32
    var expectedText: String

    var testDescription: String { name }

    static let header = Array("sponsor_id,sponsor_type,name\n".utf8)
    static let goodRow = Array("7000000001,establishment,Acme\n".utf8)

    static let catalogue: [HostileInput] = [
        HostileInput(name: "empty file", bytes: [], expectedStatus: 65, expectedText: "file.empty"),
        HostileInput(name: "header only", bytes: header, expectedStatus: 0, expectedText: "0 rows read"),
        HostileInput(
            name: "NUL byte inside a name",
            bytes: header + goodRow + Array("7000000002,establishment,Ac".utf8) + [0] + Array("me\n".utf8),
            expectedStatus: 0, expectedText: "name.script"),
        HostileInput(
            name: "UTF-16 LE without a byte order mark",
            bytes: Array("sponsor_id,sponsor_type,name\n7000000001,establishment,Acme\n".utf8).flatMap { [$0, 0] },
            expectedStatus: 65, expectedText: "header.missing-column"),
        HostileInput(
            name: "mixed LF, CRLF and lone CR line ends",
            bytes: Array(
                "sponsor_id,sponsor_type,name\r\n7000000001,establishment,Acme\n7000000002,establishment,Beta\r"
                    .utf8) + Array("123,establishment,Gamma\r\n7000000003,establishment,Delta\n".utf8),
            expectedStatus: 0, expectedText: "sponsors.csv,4,"),
        HostileInput(
            name: "a PNG renamed .csv",
            bytes: [
                0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0xFF,
            ],
            expectedStatus: 65, expectedText: "header.missing-column"),
        HostileInput(
            name: "unterminated quote to the end of the file",
            bytes: header + goodRow + Array("7000000002,establishment,\"Beta\n7000000003,establishment,Gamma\n".utf8),
            expectedStatus: 0, expectedText: "row.malformed"),
    ]
}
