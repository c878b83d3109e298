import Foundation
import Testing

/// Every exit code `validate` can give, through the built binary, and the parsing conventions on real runs.
@Suite struct ExitStatusTests {
    @Test func cleanFolderExitsZeroWithSummaryAndReport() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        let run = try BinaryRun.run(
            ["validate", "in", "--reports", "out", "--now", "2026-01-01"], in: folder.url)
        #expect(run.status == 0)
        #expect(run.stdout.contains("2 rows read, 2 accepted, 0 rejected"))
        #expect(run.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/out/latest/report.html"))
    }

    @Test func quietPrintsNothingOnSuccess() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        let run = try BinaryRun.run(["validate", "in", "--reports", "out", "--quiet"], in: folder.url)
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.isEmpty)
    }

    @Test func optionEqualsValueAndDoubleDashWork() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("-odd/sponsors.csv", TemporaryFolder.cleanSponsors)
        let withoutTerminator = try BinaryRun.run(
            ["validate", "--reports=out", "-odd"], in: folder.url)
        #expect(withoutTerminator.status == 64)
        let run = try BinaryRun.run(
            ["validate", "--reports=out", "--now=2026-01-01", "--", "-odd"], in: folder.url)
        #expect(run.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path + "/out/latest/summary.json"))
        let named = try BinaryRun.run(
            ["validate", "--sponsors=-odd/sponsors.csv", "--reports=out"], in: folder.url)
        #expect(named.status == 0)
    }

    @Test func unusableFileExits65AndTheLastLineSaysWhereAndTheCode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.unusableSponsors)
        let run = try BinaryRun.run(["validate", "in", "--reports", "out", "--quiet"], in: folder.url)
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        let last = run.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.contains(" ERROR "))
        #expect(last.contains("in/sponsors.csv:1:"))
        #expect(last.contains("header.missing-column"))
        #expect(last.hasSuffix("(exit 65)"))
    }

    @Test(arguments: [("0.05", Int32(1)), ("0.6", Int32(0))])
    func rejectRateAboveTheLimitExitsOne(limit: String, expected: Int32) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.halfRejectedSponsors)
        let run = try BinaryRun.run(
            ["validate", "in", "--reports", "out", "--max-reject-rate", limit], in: folder.url)
        #expect(run.status == expected)
        if expected == 1 {
            #expect(run.stderr.split(separator: "\n").last?.hasSuffix("(exit 1)") == true)
        }
    }

    @Test func reportsUnderARegularFileExits73() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        try folder.write("plain-file", "")
        let run = try BinaryRun.run(
            ["validate", "in", "--reports", "plain-file/reports"], in: folder.url)
        #expect(run.status == 73)
        #expect(run.stderr.split(separator: "\n").last?.hasSuffix("(exit 73)") == true)
    }

    /// A file size limit of 1 KiB (with SIGXFSZ ignored, so write(2) fails with EFBIG) makes the reports
    /// unwritable even for root.
    @Test func reportsThatCannotBeWrittenExit74() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.cleanSponsors)
        let run = try BinaryRun.run(
            ["validate", "in", "--reports", "out"], in: folder.url, shell: "trap '' XFSZ; ulimit -f 1")
        #expect(run.status == 74)
        #expect(run.stderr.contains("cannot write"))
        #expect(run.stderr.split(separator: "\n").last?.hasSuffix("(exit 74)") == true)
    }
}
