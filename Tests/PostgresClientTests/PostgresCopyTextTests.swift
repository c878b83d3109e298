import Testing

@testable import PostgresClient

@Suite struct PostgresCopyTextTests {
    @Test func escapesTabNewlineCarriageReturnBackslashAndNull() {
        let line = PostgresCopyText.line(["a\tb", "c\nd", "e\rf", "g\\h", nil, "", "\\.", "\\N"])
        let text = line.map { String(decoding: $0, as: UTF8.self) }
        #expect(text == "a\\tb\tc\\nd\te\\rf\tg\\\\h\t\\N\t\t\\\\.\t\\\\N\n")
    }

    @Test func refusesNulBytes() {
        #expect(PostgresCopyText.line(["a\u{0}b"]) == nil)
        var buffer: [UInt8] = [1, 2]
        #expect(!PostgresCopyText.appendEscaped([65, 0, 66], to: &buffer))
        #expect(buffer == [1, 2])
    }

    @Test func readsBackWhatItWrites() throws {
        let fields: [String?] = ["a\tb", "c\nd", "e\rf", "g\\h", nil, "", "\\.", "\\N", "محمد عبدالله", "x"]
        let line = try #require(PostgresCopyText.line(fields))
        #expect(PostgresCopyText.fields(ofLine: line) == fields)
    }

    @Test func decodesEveryEscapeTheServerMayWrite() {
        let line = Array("\\b\\f\\v\\101\\x42\\q\t\\N\t".utf8)
        #expect(PostgresCopyText.fields(ofLine: line) == ["\u{8}\u{C}\u{B}ABq", nil, ""])
    }
}
