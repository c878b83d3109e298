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
                "The username sameuser is claimed by 20,000 people: \(first), "), "\(lines[1])")
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

    /// One ID on every row with different values, and one mobile and one e-mail on every row: each group's
    /// message is of bounded length, one finding per row.
    @Test func idMobileAndEmailGroupsGiveBoundedMessages() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var conflicts = "national_id,name_ar,birth_date,mobile\n"
        var shared = "national_id,name_ar,birth_date,mobile,email\n"
        let id = SecurityTests.validID(1, 10_000_000)
        for serial in 0..<Self.rowCount {
            conflicts += "\(id),محمد,19\(10 + serial % 80)-01-01,055\(String(format: "%07d", serial))\n"
            shared += "\(SecurityTests.validID(1, 20_000_000 + serial)),محمد,1990-01-01,0551234567,same@example.com\n"
        }
        try folder.write("a/citizens.csv", conflicts)
        try folder.write("b/citizens.csv", shared)
        for (input, rules) in [("a", ["id.duplicate-conflict"]), ("b", ["mobile.shared", "email.shared"])] {
            let run = try BinaryRun.run(
                ["validate", input, "--reports", "out-\(input)", "--now", "2026-01-01", "--max-reject-rate", "1"],
                in: folder.url)
            #expect(run.status == 0, "\(run.stderr)")
            let rejects = try String(contentsOfFile: folder.path + "/out-\(input)/latest/rejects.csv", encoding: .utf8)
            let lines = rejects.split(whereSeparator: \.isNewline)
            #expect(lines.count == 1 + rules.count * Self.rowCount)
            #expect(lines.allSatisfy { $0.utf8.count < 300 }, "\(lines.max { $0.utf8.count < $1.utf8.count } ?? "")")
            for rule in rules { #expect(lines.filter { $0.contains(",\(rule),") }.count == Self.rowCount) }
        }
    }

    /// Contract §4.6 and §6.12: every resident whose sponsor's own row was rejected is told which row and rule
    /// (one search each in a table of the rejected rows, built once), in a message of bounded length.
    @Test func residentsOfRejectedSponsorsAreToldTheRowAndRuleInBoundedMessages() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var sponsors = "sponsor_id,sponsor_type,name,mobile\n"
        var residents = "iqama_number,name_en,nationality,birth_date,mobile,sponsor_id\n"
        for serial in 0..<Self.rowCount {
            let sponsor = "7\(String(format: "%09d", serial))"
            sponsors += "\(sponsor),establishment,Acme \(serial),0531234\n"
            residents +=
                "\(SecurityTests.validID(2, serial)),John Smith,IND,1990-01-01,055\(String(format: "%07d", serial)),\(sponsor)\n"
        }
        try folder.write("in/sponsors.csv", sponsors)
        try folder.write("in/residents.csv", residents)
        let run = try BinaryRun.run(
            ["validate", "in", "--reports", "out", "--now", "2026-01-01", "--max-reject-rate", "1", "--quiet"],
            in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let rejects = try CSVTable(contentsOf: folder.path + "/out/latest/rejects.csv")
        let unknown = rejects.records.filter { $0["rule"] == "sponsor.unknown" }
        #expect(unknown.count == Self.rowCount)
        for record in unknown {
            let line = Int(record["line"] ?? "") ?? 0
            let message = record["message"] ?? ""
            #expect(
                message.contains("is in sponsors.csv at line \(line), but that row was rejected (mobile.invalid)"),
                "\(message)")
            #expect(message.utf8.count < 200)
        }
    }

    /// A name of 100,000 characters is rejected by the name rule with its length, and never stored whole.
    @Test func cellOverItsFieldsLengthIsRejectedWithTheLengthAndNotStored() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let long = String(repeating: "a", count: 100_000)
        let good = SecurityTests.validID(1, 1)
        let bad = SecurityTests.validID(1, 2)
        try folder.write(
            "in/citizens.csv",
            "national_id,name_ar,name_en,birth_date,mobile,email\n\(good),محمد,Mohammed,1990-01-01,0500000001,\n"
                + "\(bad),محمد,\(long),1990-01-01,0500000002,\n"
                + "\(SecurityTests.validID(1, 3)),محمد,Ali,1990-01-01,0500000003,"
                + "\(String(repeating: "b", count: 300))@example.com\n")
        let run = try BinaryRun.run(
            [
                "run", "in", "--store", "s.sqlite", "--reports", "out", "--now", "2026-01-01", "--max-reject-rate",
                "1", "--mode", "delta", "--quiet",
            ], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        let rejects = try String(contentsOfFile: folder.path + "/out/latest/rejects.csv", encoding: .utf8)
        #expect(
            rejects.contains(
                "citizens.csv,3,\(bad),name_en,name.script,error,"
                    + "\"The value of name_en is 100,000 characters long; at most 200 are accepted.\","),
            "\(rejects.prefix(600))")
        #expect(
            rejects.contains(
                "email.invalid,error,The value of email is 312 characters long; at most 254 are accepted.,"))
        #expect(rejects.utf8.count < 4_000)
        let store = FileManager.default.contents(atPath: folder.path + "/s.sqlite") ?? Data()
        #expect(store.count < 100_000)
        #expect(try StoreIdentityTests.sqlite(folder.path + "/s.sqlite", "SELECT count(*) FROM people") == "1")
    }
}
