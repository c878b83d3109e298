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

/// The second pass of a run (`FileScanner.replay`) reads the file the first pass checked, or fails: it
/// knows the file by its identity (device, inode, size, modification and status-change times) instead of
/// hashing it again.
@Suite struct ReplayTests {
    static let header =
        "national_id,name_ar,name_en,birth_date,gender,mobile,email,username,preferred_language,id_expiry\n"

    static func row(_ serial: Int) -> String {
        "\(testID(1, serial)),سعد,Saad,1990-01-02,M,0551234567,,,ar,2030-01-01\n"
    }

    static func scan(_ path: String) -> FileScan {
        let scan = FileScanner.scan(
            InputFile(kind: .citizen, path: path),
            validation: ValidationOptions(runDate: GregorianDate(iso: "2026-11-25")!),
            reader: ReaderOptions())
        #expect(scan.isUsable)
        #expect(scan.identity != nil)
        return scan
    }

    static func replayedRows(_ scan: FileScan) throws -> Int {
        var rows = 0
        try FileScanner.replay(scan) { _, _, _ in rows += 1 }
        return rows
    }

    static func expectChanged(_ scan: FileScan) {
        #expect(throws: ReplayError.self) { _ = try replayedRows(scan) }
    }

    @Test func anUntouchedFileIsReadAgain() throws {
        let folder = TempFolder("absher-replay")
        let path = folder.write("citizens.csv", Self.header + (1...50).map(Self.row).joined())
        let scan = Self.scan(path)
        #expect(try Self.replayedRows(scan) == 50)
        #expect(try Self.replayedRows(scan) == 50)
    }

    @Test func aFileRewrittenInPlaceWithTheSameSizeIsChanged() throws {
        let folder = TempFolder("absher-replay")
        let path = folder.write("citizens.csv", Self.header + (1...50).map(Self.row).joined())
        let scan = Self.scan(path)
        // One byte different, same size, written through the same inode.
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64(Self.header.utf8.count + 15))
        try handle.write(contentsOf: Data("X".utf8))
        try handle.close()
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: path)).count == Self.header.utf8.count + 50
                * Self.row(1).utf8.count)
        Self.expectChanged(scan)
    }

    @Test func aFileReplacedByAnotherIsChanged() throws {
        let folder = TempFolder("absher-replay")
        let path = folder.write("citizens.csv", Self.header + (1...50).map(Self.row).joined())
        let scan = Self.scan(path)
        let other = folder.write("other.csv", Self.header + (1...50).map(Self.row).joined())
        #expect(rename(other, path) == 0)
        Self.expectChanged(scan)
    }

    @Test func aFileAppendedToIsChanged() throws {
        let folder = TempFolder("absher-replay")
        let path = folder.write("citizens.csv", Self.header + (1...50).map(Self.row).joined())
        let scan = Self.scan(path)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(Self.row(51).utf8))
        try handle.close()
        Self.expectChanged(scan)
    }
}
