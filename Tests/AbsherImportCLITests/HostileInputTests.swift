import Foundation
import Testing

/// Hostile input through the built binary: each gives a clear error or finding, a sane exit code, no crash and
/// bounded memory (peak RSS measured with `/usr/bin/time -f %M`). Set `ABSHER_BIG_INPUT=1` for the full-size
/// single field (100 MB instead of 16 MB). Release figures before issue 16 (`/usr/bin/time -f %M absher-import
/// validate --sponsors F`; since then a huge cell peaks at about twice its size): 100 MB name 536 MB RSS 3.1 s; 100 MB ignored cell 434 MB; 100 MB bad ID 651 MB 12.7 s (and
/// 200 MB each of rejects.csv and report.html); 10 MB quoted line 75 MB; a million cells 47 MB.
@Suite struct HostileInputTests {
    /// Runs `validate` on `in/sponsors.csv` (reject limit 0.9, so a rejected row alone is not exit 1).
    static func validate(_ folder: TemporaryFolder, _ extra: [String] = []) throws -> BinaryRun {
        try BinaryRun.run(
            [
                "validate", "--sponsors", "in/sponsors.csv", "--reports", "out", "--now", "2026-01-01",
                "--max-reject-rate", "0.9",
            ] + extra,
            in: folder.url)
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func rejects(_ folder: TemporaryFolder) -> String {
        (try? String(contentsOfFile: folder.path + "/out/latest/rejects.csv", encoding: .utf8)) ?? ""
    }

    @Test(arguments: HostileInput.catalogue)
    func hostileFileGivesAClearFindingAndASaneExit(input: HostileInput) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.write(input.bytes, to: folder.path + "/in/sponsors.csv")
        let run = try Self.validate(folder)
        #expect(run.status == input.expectedStatus, "\(run.stderr)")
        #expect((run.stdout + run.stderr + Self.rejects(folder)).contains(input.expectedText))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/out/latest/summary.json"))
    }

    /// A byte order mark says UTF-8; bytes that are not UTF-8 after it must not silently become U+FFFD in an
    /// accepted row.
    @Test func invalidUTF8AfterAByteOrderMarkIsNotAcceptedSilently() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.write(
            [0xEF, 0xBB, 0xBF] + HostileInput.header + HostileInput.goodRow
                + Array("7000000002,establishment,A".utf8) + [0xFF, 0xFE] + Array("me\n".utf8),
            to: folder.path + "/in/sponsors.csv")
        let run = try Self.validate(folder)
        #expect(run.status == 0 || run.status == 65)
        // The undecodable bytes become U+FFFD, which no name accepts: the row is rejected (name.script).
        #expect(Self.rejects(folder).contains("sponsors.csv,3,") || run.status == 65)
    }

    @Test func directoryGivenAsTheFileIsUnreadable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(
            atPath: folder.path + "/in/sponsors.csv", withIntermediateDirectories: true)
        let run = try Self.validate(folder)
        #expect(run.status == 65)
        #expect(run.stderr.contains("file.unreadable"))
    }

    /// chmod 000 stops everyone but root; as root (who reads anything) a dangling symlink stands in for it.
    @Test func unreadableFileExits65() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/in/sponsors.csv"
        if getuid() == 0 {
            try FileManager.default.createDirectory(atPath: folder.path + "/in", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: folder.path + "/gone.csv")
        } else {
            try Self.write(HostileInput.header + HostileInput.goodRow, to: path)
            chmod(path, 0)
        }
        let run = try Self.validate(folder)
        #expect(run.status == 65)
        #expect(run.stderr.contains("file.unreadable"))
    }

    @Test func storeThatIsNotSQLiteExits73AndIsLeftAlone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        let notSQLite = Data(repeating: 0x41, count: 8192)
        try notSQLite.write(to: folder.url.appendingPathComponent("store.sqlite"))
        let run = try BinaryRun.run(
            ["run", "in", "--store", "store.sqlite", "--reports", "out", "--now", "2026-01-01"], in: folder.url)
        #expect(run.status == 73)
        #expect(run.stderr.split(separator: "\n").last?.hasSuffix("(exit 73)") == true)
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("store.sqlite")) == notSQLite)
    }

    @Test func reportsFolderThatIsASymlinkIsRefusedAndNothingIsWrittenThroughIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        try FileManager.default.createDirectory(
            atPath: folder.path + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/out", withDestinationPath: folder.path + "/elsewhere")
        for command in ["validate", "run"] {
            let store = command == "run" ? ["--store", "store.sqlite"] : []
            let run = try BinaryRun.run(
                [command, "in", "--reports", "out", "--now", "2026-01-01"] + store, in: folder.url)
            #expect(run.status == 73, "\(command): \(run.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/elsewhere").isEmpty)
        }
        // The refused run committed nothing.
        let runs = try BinaryRun.run(["runs", "--store", "store.sqlite"], in: folder.url)
        #expect(!runs.stdout.contains("committed"))
    }

    /// A run whose reports parent holds `latest` pointing elsewhere replaces the link, never writes through it.
    @Test func latestPointingElsewhereIsReplacedNotFollowed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        try folder.write("elsewhere/keep.txt", "keep")
        try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/out/latest", withDestinationPath: folder.path + "/elsewhere")
        let run = try Self.validateFolder(folder)
        #expect(run.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/elsewhere") == ["keep.txt"])
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: folder.path + "/out/latest")
        #expect(!target.contains("elsewhere"))
    }

    static func validateFolder(_ folder: TemporaryFolder) throws -> BinaryRun {
        try BinaryRun.run(["validate", "in", "--reports", "out", "--now", "2026-01-01"], in: folder.url)
    }

    // MARK: - Big inputs, with peak RSS

    /// Writes a sponsors file whose third row holds `middle` between `prefix` and `suffix`, in 1 MiB writes.
    static func writeBig(
        _ path: String, header: String = "sponsor_id,sponsor_type,name\n", prefix: String, fill: UInt8,
        count: Int, suffix: String
    ) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.write(contentsOf: Data((header + "7000000001,establishment,Acme\n" + prefix).utf8))
        let chunk = Data(repeating: fill, count: 1 << 20)
        var left = count
        while left > 0 {
            let part = min(left, chunk.count)
            try handle.write(contentsOf: part == chunk.count ? chunk : chunk.prefix(part))
            left -= part
        }
        try handle.write(contentsOf: Data((suffix + "7000000003,establishment,Gamma\n").utf8))
    }

    static let bigFieldBytes =
        ProcessInfo.processInfo.environment["ABSHER_BIG_INPUT"] == "1" ? 100 << 20 : 16 << 20

    static func measuredValidate(_ folder: TemporaryFolder) throws -> MeasuredRun {
        try MeasuredRun.run(
            [
                "validate", "--sponsors", "in/sponsors.csv", "--reports", "out", "--now", "2026-01-01",
                "--max-reject-rate", "0.9", "--quiet",
            ],
            in: folder.url)
    }

    /// One huge cell in an ignored column: read, counted, no crash, in at most 2.5 times the cell plus 48 MiB.
    /// The first scan keeps no raw text of its records, and the rejected/ copies keep it only for the records
    /// they copy (issue 16), so the reader holds the cell once, unescaped, in a buffer that grows by doubling,
    /// then copied into the record: it peaks at about twice the cell (debug build: 57 MB for 16 MB, 233 MB for
    /// 100 MB; before, 4.3 times the cell).
    @Test func singleHugeFieldIsReadWithoutCrashing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.writeBig(
            folder.path + "/in/sponsors.csv", header: "sponsor_id,sponsor_type,name,notes\n",
            prefix: "7000000002,establishment,Beta,", fill: UInt8(ascii: "a"), count: Self.bigFieldBytes,
            suffix: "\n")
        // The header has 4 columns: the good rows of writeBig have 3 cells and are malformed, which is fine here.
        let run = try Self.measuredValidate(folder)
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let summary = try String(contentsOfFile: folder.path + "/out/latest/summary.json", encoding: .utf8)
        #expect(summary.contains("\"rows\": 3"))
        if let peak = run.peakKilobytes {
            print("HostileInputTests: \(Self.bigFieldBytes >> 20) MB field: peak RSS \(peak >> 10) MB")
            #expect(peak < 48 << 10 + 5 * (Self.bigFieldBytes >> 10) / 2)
        }
    }

    /// A huge bad ID is rejected; its value must not be copied whole into every report. Known issue: rejects.csv
    /// and report.html each carry it twice (record_id and value), 200 MB apiece for a 100 MB ID.
    @Test func hugeBadIDIsRejectedAndNotCopiedWholeIntoTheReports() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let size = 4 << 20
        try Self.writeBig(
            folder.path + "/in/sponsors.csv", prefix: "", fill: UInt8(ascii: "7"), count: size,
            suffix: ",establishment,Beta\n")
        let run = try Self.measuredValidate(folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.rejects(folder).contains("id.format"))
        let rejectsSize =
            (try FileManager.default.attributesOfItem(atPath: folder.path + "/out/latest/rejects.csv")[.size]
                as? Int) ?? 0
        #expect(rejectsSize < size)
    }

    @Test func rowOfAMillionCellsIsMalformed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var cells = [UInt8]()
        cells.reserveCapacity(2_000_000)
        for _ in 0..<1_000_000 { cells += [UInt8(ascii: ","), UInt8(ascii: "x")] }
        try Self.writeBig(
            folder.path + "/in/sponsors.csv", prefix: "7000000002,establishment,Beta", fill: UInt8(ascii: "y"),
            count: 0, suffix: String(decoding: cells, as: UTF8.self) + "\n")
        let run = try Self.measuredValidate(folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.rejects(folder).contains("sponsors.csv,3,7000000002,,row.malformed"))
        if let peak = run.peakKilobytes {
            print("HostileInputTests: a million cells: peak RSS \(peak >> 10) MB")
            #expect(peak < 256 << 10)
        }
    }

    @Test func tenMegabyteLineIsReadWithLineNumbersIntact() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.writeBig(
            folder.path + "/in/sponsors.csv", prefix: "7000000002,establishment,\"", fill: UInt8(ascii: "b"),
            count: 10 << 20, suffix: "\"\n123,establishment,Bad\n")
        let run = try Self.measuredValidate(folder)
        #expect(run.status == 0, "\(run.stderr)")
        // The bad ID after the long line is reported on its own line, 4.
        #expect(Self.rejects(folder).contains("sponsors.csv,4,"))
        if let peak = run.peakKilobytes {
            print("HostileInputTests: 10 MB line: peak RSS \(peak >> 10) MB")
            #expect(peak < 256 << 10)
        }
    }
}
