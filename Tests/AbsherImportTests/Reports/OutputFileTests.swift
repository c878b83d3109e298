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

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct OutputFileTests {
    @Test func writesEverythingAcrossBufferBoundariesInOrder() throws {
        let folder = try ReportsScratchFolder()
        let path = folder.file("big.bin")
        let file = try OutputFile(path: path)
        var expected: [UInt8] = []
        let small = Array("row,1\r\n".utf8)
        let large = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for _ in 0..<10_000 { try file.write(small[...]) }
        try file.write(large)
        try file.write("تم")
        try file.write(large.lazy.map { $0 })  // not contiguous: the copying path
        for _ in 0..<10_000 { expected += small }
        expected += large + Array("تم".utf8) + large
        try file.close()
        try file.close()  // a second close does nothing
        #expect(try ReportsScratchFolder.bytes(of: path) == expected)
    }

    @Test func createsMode0600AndReplacingTruncatesAndTightensTheMode() throws {
        let folder = try ReportsScratchFolder()
        let path = folder.file("summary.json")
        #expect(FileManager.default.createFile(atPath: path, contents: Data("old content".utf8)))
        #expect(chmod(path, 0o644) == 0)
        #expect(throws: FileSystemError.cannotCreate(path: path, errno: EEXIST)) { try OutputFile(path: path) }
        let file = try OutputFile(path: path, replacing: true)
        try file.write("new")
        try file.close()
        #expect(try ReportsScratchFolder.bytes(of: path) == Array("new".utf8))
        #expect(ReportsScratchFolder.permissions(of: path) == 0o600)

        let fresh = folder.file("fresh.txt")
        try OutputFile(path: fresh).close()
        #expect(ReportsScratchFolder.permissions(of: fresh) == 0o600)
    }

    @Test(arguments: [false, true])
    func neverWritesThroughASymlink(replacing: Bool) throws {
        let folder = try ReportsScratchFolder()
        let target = folder.file("target.txt")
        #expect(FileManager.default.createFile(atPath: target, contents: Data("keep".utf8)))
        let link = folder.file("report.html")
        #expect(symlink(target, link) == 0)
        #expect(throws: FileSystemError.self) { try OutputFile(path: link, replacing: replacing) }
        #expect(try ReportsScratchFolder.bytes(of: target) == Array("keep".utf8))
    }

    @Test func describesErrorsWithPathAndSystemMessage() {
        #expect(
            FileSystemError.cannotWrite(path: "/x/y", errno: ENOSPC).description
                == "cannot write /x/y: No space left on device")
        #expect(
            FileSystemError.cannotCreate(path: "/r", errno: EACCES).description == "cannot create /r: Permission denied"
        )
    }

    /// A 64 KiB tmpfs can be mounted: root, and a `mount` that may do it (not in every container).
    static let canMountSmallFileSystem: Bool = {
        guard getuid() == 0, let mount = ReportsScratchFolder.executable(named: "mount"),
            let umount = ReportsScratchFolder.executable(named: "umount"),
            let folder = try? ReportsScratchFolder()
        else { return false }
        guard
            (try? ReportsScratchFolder.run(mount, ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]))?.status == 0
        else { return false }
        _ = try? ReportsScratchFolder.run(umount, [folder.path])
        return true
    }()

    @Test(.enabled(if: canMountSmallFileSystem, "needs root and `mount -t tmpfs` to fill a file system; skipped"))
    func reportsNoSpaceLeftOnAFullFileSystem() throws {
        let folder = try ReportsScratchFolder()
        let mount = try #require(ReportsScratchFolder.executable(named: "mount"))
        let umount = try #require(ReportsScratchFolder.executable(named: "umount"))
        #expect(
            try ReportsScratchFolder.run(mount, ["-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]).status == 0)
        defer { _ = try? ReportsScratchFolder.run(umount, [folder.path]) }

        let path = folder.file("rejects.csv")
        let writer = try CSVWriter(path: path)
        let row = Array(repeating: "1012345672,id.checksum,error", count: 8)
        let error = #expect(throws: FileSystemError.self) {
            for _ in 0..<4_000 { try writer.writeRow(row) }  // about 1 MB
            try writer.close()
        }
        #expect(error == .cannotWrite(path: path, errno: ENOSPC))
        try? writer.close()  // releases the descriptor even after a failure, so that umount succeeds

        // The buffer alone (less than 64 KiB) fits nowhere: the failure comes from close().
        let filler = try OutputFile(path: folder.file("filler"))
        let closing = #expect(throws: FileSystemError.self) {
            try filler.write(Array(repeating: UInt8(ascii: "x"), count: 60_000))
            try filler.close()
        }
        #expect(closing == .cannotWrite(path: folder.file("filler"), errno: ENOSPC))
    }
}
