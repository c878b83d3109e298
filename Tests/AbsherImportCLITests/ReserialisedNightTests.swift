import Foundation
import Testing

/// A next night whose unchanged records are written in another layout (`absher-datagen --reserialise`: the
/// other calendar and date order, Arabic-Indic digits, another mobile form, other spellings, quotes) is, for
/// the store, the same night as one written byte for byte like the night before: the comparison goes by the
/// canonical values the store keeps, not by the bytes of the export.
@Suite struct ReserialisedNightTests {
    static func generate(_ folder: TemporaryFolder, _ name: String, _ extra: [String]) throws {
        let process = try KillSafetyTests.spawn(
            KillSafetyTests.datagen,
            ["--out", folder.path + "/" + name, "--rows", "3000", "--seed", "11", "--defect-rate", "0.02"] + extra)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    static func changeCounts(_ summaryPath: String) throws -> [String: Int] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summaryPath)))
        let json = try #require(object as? [String: Any])
        return try #require(json["changes"] as? [String: Int])
    }

    @Test func reserialisedNightChangesWhatTheSameNightInTheSameLayoutChanges() throws {
        try #require(StoreFingerprint.sqliteShellExists, "the sqlite3 shell is needed to read the stores")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.generate(folder, "n1", [])
        try Self.generate(folder, "n2", ["--night", "2", "--change-rate", "0.02"])
        try Self.generate(folder, "n2r", ["--night", "2", "--change-rate", "0.02", "--reserialise"])
        for name in ["citizens.csv", "residents.csv", "sponsors.csv"] {
            let plain = try String(contentsOfFile: folder.path + "/n2/" + name, encoding: .utf8)
            let other = try String(contentsOfFile: folder.path + "/n2r/" + name, encoding: .utf8)
            // The same rows in the same order, hardly a line alike but the header.
            let plainLines = plain.split(separator: "\n")
            let otherLines = other.split(separator: "\n")
            #expect(plainLines.count == otherLines.count)
            #expect(plainLines.first == otherLines.first)
            let alike = zip(plainLines, otherLines).filter { $0 == $1 }.count
            #expect(alike < plainLines.count / 10, "\(name): \(alike) of \(plainLines.count) lines alike")
        }
        let flags = ["--now", "2026-11-25", "--max-reject-rate", "1", "--quiet"]
        var stores: [String] = []
        var changes: [String] = []
        var counts: [[String: Int]] = []
        for night in ["n2", "n2r"] {
            let store = "store-\(night).sqlite"
            let first = try BinaryRun.run(
                ["run", "n1", "--store", store, "--reports", "out-\(night)-1"] + flags, in: folder.url)
            #expect(first.status == 0, "\(first.stderr)")
            let next = try BinaryRun.run(
                ["run", night, "--store", store, "--reports", "out-\(night)"] + flags, in: folder.url)
            #expect(next.status == 0, "\(next.stderr)")
            stores.append(try StoreFingerprint.of(folder.path + "/" + store, recordsOnly: true))
            changes.append(
                try String(contentsOfFile: folder.path + "/out-\(night)/latest/changes.csv", encoding: .utf8))
            counts.append(try Self.changeCounts(folder.path + "/out-\(night)/latest/summary.json"))
        }
        #expect(stores[0] == stores[1])
        #expect(changes[0] == changes[1])
        #expect(counts[0] == counts[1])
        // Most records came back unchanged, and a few changed.
        #expect((counts[0]["unchanged"] ?? 0) > 2500)
        #expect((counts[0]["updated"] ?? 0) > 0)
    }
}
