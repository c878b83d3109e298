import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import Foundation
import Testing

@testable import AbsherImport

/// A later night whose early comparison found most people unchanged takes the store's owner of an unchanged
/// row's username from the row itself and asks the store only for the other usernames, by key, in one
/// question (`UnchangedRows`, `StoreKnowledge.usernameOwners(among:)`), instead of reading every username of
/// the store. It must find exactly what the pass over every username finds (contract §4: `username.taken`,
/// `username.duplicate`), and leave the same store. Real stores of both engines, real CSV files.
@Suite struct UsernameByKeyTests {
    static let header =
        "national_id,name_ar,name_en,birth_date,gender,mobile,email,username,preferred_language,id_expiry\n"
    static let names = [
        "", "Saad", "Faisal", "Nasser", "Khalid", "Omar", "Turki", "Badr", "Hamad", "Ziyad", "Rakan", "Majed", "Sultan",
        "Talal", "Waleed", "Yazeed", "Nawaf", "Mishal",
    ]

    static func citizen(_ serial: Int, username: String, mobile: String = "0551234567") -> String {
        // Other English names and birth days (each a year of its own), so that the matcher of contract §4b pairs no one.
        "\(testID(1, serial)),سعد الحربي,\(names[serial]) Alharbi,\(1950 + serial)-0\(1 + serial % 9)-1\(serial % 9),M,\(mobile),,"
            + "\(username),ar,2030-01-01\n"
    }

    /// Ten citizens, each with a username of their own.
    static let firstNight = (1...10).map { citizen($0, username: "user.\(names[$0].lowercased())") }

    /// Eight people unchanged; 5 keeps a username with another mobile; 6 takes a new one and leaves theirs;
    /// newcomers claim an unchanged person's username (11, and 16 in other letter case), a changed person's
    /// (12), the username 6 leaves (15), and one username between two of them (13, 14).
    static let secondNight =
        [1, 2, 3, 4, 7, 8, 9, 10].map { firstNight[$0 - 1] } + [
            citizen(5, username: "user.omar", mobile: "0559876543"),
            citizen(6, username: "fresh.turki"),
            citizen(11, username: "user.saad"),
            citizen(12, username: "user.omar"),
            citizen(13, username: "twin.name"),
            citizen(14, username: "twin.name"),
            citizen(15, username: "user.turki"),
            citizen(16, username: "USER.FAISAL"),
        ]

    /// What the second night's reader sees of the usernames, and the store after it.
    struct Night: Equatable {
        var status: RunStatus
        var findings: [String]
        var changes: [ChangeKind: Int]
        var people: Int64?
        var usernames: Int64?
    }

    static func secondNight(_ engine: EngineStore.Engine, byKey: Bool) throws -> Night {
        let store = try EngineStore(engine)
        let folder = TempFolder("absher-username")
        func run(_ rows: [String], night: String) -> RunOutcome {
            try? FileManager.default.createDirectory(atPath: folder.url(night), withIntermediateDirectories: true)
            let path = folder.write("\(night)/citizens.csv", header + rows.joined())
            var options = RunOptions(
                command: .run, inputs: [InputFile(kind: .citizen, path: path)],
                runDate: GregorianDate(iso: "2026-11-25")!)
            options.storePath = store.location
            options.reportsParent = folder.url("Reports")
            options.maxRejectRate = 1
            options.maxDeactivateRate = 1
            options.mode = .delta
            options.asksUsernamesByKey = byKey
            return ImportRun.run(options)
        }
        #expect(run(firstNight, night: "n1").status == .committed)
        let outcome = run(secondNight, night: "n2")
        return Night(
            status: outcome.status,
            findings: outcome.findings.filter { $0.rule.code.hasPrefix("username.") }.map {
                "\($0.recordID) \($0.rule.code) \($0.value): \($0.message)"
            },
            changes: outcome.changeCounts,
            people: try store.scalarInt("SELECT count(*) FROM people"),
            usernames: try store.scalarInt("SELECT count(*) FROM people WHERE username_key = 'user.turki'"))
    }

    @Test(arguments: EngineStore.Engine.available)
    func usernamesAskedByKeyFindWhatEveryUsernameFinds(engine: EngineStore.Engine) throws {
        let byKey = try Self.secondNight(engine, byKey: true)
        let everyUsername = try Self.secondNight(engine, byKey: false)
        #expect(byKey == everyUsername)
        #expect(byKey.status == .committed)
        let rules = byKey.findings.map { $0.split(separator: ":")[0] }
        #expect(
            rules.sorted() == [
                "\(testID(1, 11)) username.taken user.saad",
                "\(testID(1, 12)) username.taken user.omar",
                "\(testID(1, 13)) username.duplicate twin.name",
                "\(testID(1, 14)) username.duplicate twin.name",
                "\(testID(1, 15)) username.taken user.turki",
                "\(testID(1, 16)) username.taken user.faisal",
            ])
        // Each taken username names the person the store gives it to.
        let taken = byKey.findings.filter { $0.contains("username.taken") }
        #expect(taken.contains { $0.hasPrefix(testID(1, 11)) && $0.contains(testID(1, 1)) })
        #expect(taken.contains { $0.hasPrefix(testID(1, 12)) && $0.contains(testID(1, 5)) })
        #expect(taken.contains { $0.hasPrefix(testID(1, 16)) && $0.contains(testID(1, 2)) })
        // 5 (a new mobile: a recovery contact changed) and 6 updated, the newcomers all rejected; 6's old username is nobody's now.
        #expect(byKey.changes == [.unchanged: 8, .recoveryContactChanged: 1, .updated: 1])
        #expect(byKey.people == 10)
        #expect(byKey.usernames == 0)
    }
}
