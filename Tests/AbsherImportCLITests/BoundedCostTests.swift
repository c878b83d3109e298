import Foundation
import Testing

/// Contract §6.12: a finding's message names at most a few other rows, and a run's cost stays linear in its
/// input, whatever the input holds. Through the built binary; peak RSS measured with `/usr/bin/time -f %M`.
/// Release figures (`/usr/bin/time -f '%e %M' absher-import validate DIR`): 100,000 rows sharing one username
/// 0.6 s and 58 MB (a `run` into a new store 2.0 s, 100 MB, 200,000 rows); a header of 2,000,002 columns (4 MB)
/// 0.09 s and 66 MB.
@Suite struct BoundedCostTests {
    static let rowCount = 20_000

    /// `rowCount` citizens with distinct IDs and mobiles and one username.
    static func writeSharedUsername(to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var text = "national_id,name_ar,name_en,birth_date,gender,mobile,username\n"
        for serial in 0..<rowCount {
            let id = SecurityTests.validID(1, 10_000_000 + serial)
            text += "\(id),محمد بندر,Mohammed Bandar,1989-08-27,M,055\(String(format: "%07d", serial)),sameuser\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func oneUsernameSharedByManyRowsCostsLinearTimeAndOutput() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.writeSharedUsername(to: folder.path + "/in/citizens.csv")
        let run = try MeasuredRun.run(
            ["validate", "in", "--reports", "out", "--now", "2026-01-01", "--max-reject-rate", "1", "--quiet"],
            in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let rejects = try String(contentsOfFile: folder.path + "/out/latest/rejects.csv", encoding: .utf8)
        let lines = rejects.split(whereSeparator: \.isNewline)
        // The header and one finding per row, each of bounded length.
        #expect(lines.count == Self.rowCount + 1)
        #expect(lines.allSatisfy { $0.utf8.count < 300 })
        let first = SecurityTests.validID(1, 10_000_000)
        #expect(
            lines[1].contains(
                "The username sameuser is claimed by 20000 people: \(first), "), "\(lines[1])")
        #expect(lines[1].contains(" and 19,995 more."), "\(lines[1])")
        let html = try FileManager.default.attributesOfItem(atPath: folder.path + "/out/latest/report.html")
        #expect((html[.size] as? Int ?? .max) < 8 << 20)
        if let peak = run.peakKilobytes {
            print("BoundedCostTests: \(Self.rowCount) rows, one username: peak RSS \(peak >> 10) MB")
            #expect(peak < 200 << 10)
        }
    }

    @Test func headerOfTwoMillionColumnsMakesTheFileUnusable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let header = "sponsor_id,name" + String(repeating: ",a", count: 2_000_000) + "\n"
        try HostileInputTests.write(
            Array((header + "7000000001,Acme\n").utf8), to: folder.path + "/in/sponsors.csv")
        let run = try MeasuredRun.run(
            [
                "validate", "--sponsors", "in/sponsors.csv", "--reports", "out", "--now", "2026-01-01", "--quiet",
            ],
            in: folder.url)
        #expect(run.status == 65)
        #expect(run.stderr.contains("sponsors.csv: file.unreadable: The header (line 1) has 2,000,002 columns"))
        if let peak = run.peakKilobytes {
            print("BoundedCostTests: a header of 2M columns: peak RSS \(peak >> 10) MB")
            #expect(peak < 100 << 10)
        }
    }

    @Test func headerLineOverOneMebibyteMakesTheFileUnusable() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let header = "sponsor_id,name," + String(repeating: "x", count: 2 << 20) + "\n"
        try HostileInputTests.write(
            Array((header + "7000000001,Acme,\n").utf8), to: folder.path + "/in/sponsors.csv")
        let run = try BinaryRun.run(
            ["validate", "--sponsors", "in/sponsors.csv", "--reports", "out", "--now", "2026-01-01"],
            in: folder.url)
        #expect(run.status == 65)
        #expect(run.stderr.contains("The header (line 1) is 2,097,168 bytes long; at most 1,048,576 are read."))
    }
}
