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

@Suite struct CSVWriterTests {
    static let cells: [(cell: String, encoded: String)] = [
        ("=1+1", "'=1+1"),
        ("+966551234567", "'+966551234567"),
        ("-5", "'-5"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""),
        ("a,b", "\"a,b\""),
        ("a\"b", "\"a\"\"b\""),
        ("line one\nline two", "\"line one\nline two\""),
        ("line one\r\nline two", "\"line one\r\nline two\""),
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("محمد عبدالله", "محمد عبدالله"),
        ("", ""),
        ("plain", "plain"),
        ("a=b", "a=b"),
        (" =1", " =1"),
        ("a;b|c", "a;b|c"),
    ]

    @Test(arguments: cells)
    func escapesCellsPerRFC4180AndGuardsFormulas(cell: String, encoded: String) {
        #expect(CSVWriter.escape(cell) == encoded)
    }

    @Test func writesCRLFRecordsWithEscapedCells() throws {
        let folder = try ReportsScratchFolder()
        let path = folder.file("rejects.csv")
        let writer = try CSVWriter(path: path)
        try writer.writeRow(["file", "line", "value"])
        try writer.writeRow(["citizens.csv", "3", "=cmd|' /C calc'!A0"])
        try writer.writeRow(["a", "", "x,y"])
        try writer.close()
        let text = String(decoding: try ReportsScratchFolder.bytes(of: path), as: UTF8.self)
        #expect(text == "file,line,value\r\ncitizens.csv,3,'=cmd|' /C calc'!A0\r\na,,\"x,y\"\r\n")
    }

    @Test func writesARowOfOneEmptyCellAsQuotesNotABlankLine() throws {
        let folder = try ReportsScratchFolder()
        let path = folder.file("one.csv")
        let writer = try CSVWriter(path: path)
        try writer.writeRow(["only"])
        try writer.writeRow([""])
        try writer.close()
        #expect(try ReportsScratchFolder.bytes(of: path) == Array("only\r\n\"\"\r\n".utf8))
    }

    @Test func copiesRawRecordsVerbatim() throws {
        let folder = try ReportsScratchFolder()
        let path = folder.file("citizens.csv")
        let writer = try CSVWriter(path: path)
        let header = Array("national_id;name_ar;mobile".utf8)
        let record = Array("=1012345670;\"محمد\nسطر\";+966551234567".utf8)
        try writer.writeRaw(header)
        try writer.writeRaw(record[...])
        try writer.close()
        #expect(try ReportsScratchFolder.bytes(of: path) == header + [13, 10] + record + [13, 10])
    }

    @Test func startsWithAByteOrderMarkOnlyWhenAsked() throws {
        let folder = try ReportsScratchFolder()
        let plain = try CSVWriter(path: folder.file("plain.csv"))
        try plain.writeRow(["a"])
        try plain.close()
        let marked = try CSVWriter(path: folder.file("marked.csv"), byteOrderMark: true)
        try marked.writeRow(["a"])
        try marked.close()
        #expect(try ReportsScratchFolder.bytes(of: folder.file("plain.csv")) == Array("a\r\n".utf8))
        #expect(
            try ReportsScratchFolder.bytes(of: folder.file("marked.csv")) == [0xEF, 0xBB, 0xBF] + Array("a\r\n".utf8))
    }

    @Test func createsFilesWithMode0600AndRefusesAnExistingOne() throws {
        let folder = try ReportsScratchFolder()
        let path = folder.file("changes.csv")
        let writer = try CSVWriter(path: path)
        try writer.close()
        #expect(ReportsScratchFolder.permissions(of: path) == 0o600)
        #expect(throws: FileSystemError.cannotCreate(path: path, errno: EEXIST)) { try CSVWriter(path: path) }
    }

    static let pythonPath = ReportsScratchFolder.executable(named: "python3")

    @Test(.enabled(if: pythonPath != nil, "python3 is not in PATH"))
    func roundTripsThroughPythonsCSVModule() throws {
        let rows: [[String]] = [
            ["record_id", "field", "value"],
            ["1012345672", "name_ar", "محمد \"أبو\" علي"],
            ["", "mobile", "=1+1"],
            ["2000000006", "address", "first line\nsecond line, with comma"],
            ["x", "", "\r\n"],
            ["-5", "@SUM(A1)", "\tindent"],
            [""],
        ]
        let folder = try ReportsScratchFolder()
        let path = folder.file("round-trip.csv")
        let writer = try CSVWriter(path: path)
        for row in rows { try writer.writeRow(row) }
        try writer.close()

        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8') as f:
                print(json.dumps(list(csv.reader(f)), ensure_ascii=True))
            """
        let (status, output) = try ReportsScratchFolder.run(try #require(Self.pythonPath), ["-c", script, path])
        #expect(status == 0, "\(output)")
        let read = try JSONDecoder().decode([[String]].self, from: Data(output.utf8))
        let guarded = rows.map { row in
            row.map { cell in
                guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else {
                    return cell
                }
                return "'" + cell
            }
        }
        #expect(read == guarded)
    }
}
