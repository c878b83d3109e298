import Foundation
import Testing

/// Contract §4b through the real binary: a resident in the store for a night and a citizen row of a later
/// delta night who is that resident naturalised (no Arabic name on the iqama, a father's name added, the date
/// in the other layout, a new mobile) make a pair in matches.csv, with the warning on the citizen's row;
/// `matches dismiss` records them as two people (who and when), after which the pair is never reported
/// again; `matches list` and `lookup` show it. On SQLite and, under Scripts/test-postgres, PostgreSQL.
struct MatchDismissalTests {
    static let resident = "2023456789"
    static let citizen = "1012345672"
    static let lookalike = "1034567899"

    static func nights(_ folder: TemporaryFolder) throws -> (first: String, second: String) {
        try folder.write("n1/sponsors.csv", TemporaryFolder.cleanSponsors)
        try folder.write(
            "n1/residents.csv",
            """
            iqama_number,name_en,nationality,birth_date,gender,mobile,sponsor_id
            \(resident),Imran Khan,PAK,1988-04-12,M,0551234567,7000000001
            2055512343,Rahul Kumar,IND,1990-01-05,M,0557654321,7000000001

            """)
        // The look-alike: the same name as the second resident, born four days later.
        try folder.write(
            "n2/citizens.csv",
            """
            national_id,name_ar,name_en,birth_date,gender,mobile
            \(citizen),عمران شاهد خان,IMRAN SHAHID KHAN,12/04/1988,M,0501112223
            \(lookalike),راهول كومار,Rahul Kumar,1990-01-09,M,0509998887

            """)
        return (folder.path + "/n1", folder.path + "/n2")
    }

    static func check(store: String, folder: TemporaryFolder) throws {
        let (first, second) = try nights(folder)
        let reports = folder.path + "/r"
        let options = ["--store", store, "--reports", reports, "--mode", "delta"] + MatchingTests.common
        #expect(try BinaryRun.run(["run", first] + options).status == 0)
        let night = try BinaryRun.run(["run", second] + options)
        #expect(night.status == 0, "\(night.stderr)")
        let matches = try CSVTable(contentsOf: reports + "/latest/matches.csv")
        #expect(matches.header == ["record_id", "kind", "other_id", "other_kind", "score", "reasons"])
        #expect(matches.rows.map { Array($0.prefix(4)) } == [[citizen, "citizen", resident, "resident"]])
        let reasons = matches.rows.first?[5].split(separator: ",").map(String.init) ?? []
        #expect(reasons.contains("birth_date") && reasons.contains("name_en") && !reasons.contains("mobile"))
        #expect((Double(matches.rows.first?[4] ?? "") ?? 0) >= 0.5)
        let warnings = try CSVTable(contentsOf: reports + "/latest/rejects.csv").rows.filter {
            $0[4] == "person.possible-duplicate"
        }
        #expect(warnings.map { [$0[0], $0[2], $0[5], $0[7]] } == [["citizens.csv", citizen, "warning", resident]])
        let html = try String(contentsOfFile: reports + "/latest/report.html", encoding: .utf8)
        #expect(html.contains("id=\"matches\"") && html.contains("IMRAN SHAHID KHAN") && html.contains("Imran Khan"))
        #expect(html.contains("1988-04-12</bdi> · <bdi dir=\"ltr\">1408-"), "the birth date in both calendars")

        let listed = try BinaryRun.run(["matches", "list", "--store", store, "--json"])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("\"status\": \"open\"") && listed.stdout.contains(resident))
        let lookup = try BinaryRun.run(["lookup", citizen, "--store", store])
        #expect(lookup.stdout.contains("possible duplicates") && lookup.stdout.contains(resident))

        let dismissal = try BinaryRun.run(
            ["matches", "dismiss", resident, citizen, "--store", store], environment: ["USER": "reviewer7"])
        #expect(dismissal.status == 0, "\(dismissal.stderr)")
        let again = try BinaryRun.run(["run", second] + options)
        #expect(again.status == 0)
        #expect(try CSVTable(contentsOf: reports + "/latest/matches.csv").rows.isEmpty)
        #expect(
            try CSVTable(contentsOf: reports + "/latest/rejects.csv").rows.allSatisfy {
                $0[4] != "person.possible-duplicate"
            })
        let after = try BinaryRun.run(["matches", "list", "--store", store, "--json"])
        #expect(
            after.stdout.contains("\"status\": \"dismissed\"")
                && after.stdout.contains("\"dismissed_by\": \"reviewer7\""))
        #expect(!after.stdout.contains("\"status\": \"open\""))
        let text = try BinaryRun.run(["matches", "list", "--store", store])
        #expect(text.stdout.contains("dismissed by reviewer7"))
    }

    @Test func naturalisedResidentInTheStoreIsPairedUntilDismissedOnSQLite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.check(store: folder.path + "/s.sqlite", folder: folder)
    }

    @Test(.enabled(if: PostgresTestDatabase.shouldRun, PostgresTestDatabase.skipReason))
    func naturalisedResidentInTheStoreIsPairedUntilDismissedOnPostgreSQL() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        try Self.check(store: database.uri, folder: folder)
    }

    /// With both person files tonight, the store's side of the matcher reads only the people tonight's rows
    /// do not claim (found by the comparison with the store): the stored resident whose row tonight fails a
    /// rule is one of them, and is still paired with the citizen; the resident whose row is accepted is not
    /// paired with a copy of itself.
    static func checkBothFiles(store: String, folder: TemporaryFolder) throws {
        let (first, second) = try nights(folder)
        try folder.write(
            "n2/residents.csv",
            """
            iqama_number,name_en,nationality,birth_date,gender,mobile,sponsor_id
            \(resident),Imran Khan,PAK,1988-04-12,M,12345,7000000001
            2055512343,Rahul Kumar,IND,1990-01-05,M,0557654321,7000000001

            """)
        let reports = folder.path + "/r"
        let options = ["--store", store, "--reports", reports, "--mode", "delta"] + MatchingTests.common
        #expect(try BinaryRun.run(["run", first] + options).status == 0)
        let night = try BinaryRun.run(["run", second] + options)
        #expect(night.status == 0, "\(night.stderr)")
        let matches = try CSVTable(contentsOf: reports + "/latest/matches.csv")
        #expect(matches.rows.map { Array($0.prefix(4)) } == [[citizen, "citizen", resident, "resident"]])
    }

    @Test func unclaimedStoreResidentIsPairedWhenBothFilesComeOnSQLite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.checkBothFiles(store: folder.path + "/s.sqlite", folder: folder)
    }

    @Test(.enabled(if: PostgresTestDatabase.shouldRun, PostgresTestDatabase.skipReason))
    func unclaimedStoreResidentIsPairedWhenBothFilesComeOnPostgreSQL() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        try Self.checkBothFiles(store: database.uri, folder: folder)
    }

    @Test func dismissRefusesBadIDsAndAMissingStore() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = folder.path + "/none.sqlite"
        #expect(try BinaryRun.run(["matches", "dismiss", "123", Self.citizen, "--store", store]).status == 64)
        #expect(try BinaryRun.run(["matches", "dismiss", Self.citizen, Self.citizen, "--store", store]).status == 64)
        #expect(try BinaryRun.run(["matches", "frobnicate", "--store", store]).status == 64)
        #expect(try BinaryRun.run(["matches", "dismiss", Self.resident, Self.citizen, "--store", store]).status == 73)
        #expect(!FileManager.default.fileExists(atPath: store), "dismiss never creates a store")
    }

    @Test func maskedReportsMaskTheIDsAndMobilesOfPairs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (first, second) = try Self.nights(folder)
        let options =
            ["--store", folder.path + "/s.sqlite", "--reports", folder.path + "/r", "--mode", "delta", "--mask-pii"]
            + MatchingTests.common
        #expect(try BinaryRun.run(["run", first] + options).status == 0)
        #expect(try BinaryRun.run(["run", second] + options).status == 0)
        let matches = try String(contentsOfFile: folder.path + "/r/latest/matches.csv", encoding: .utf8)
        let html = try String(contentsOfFile: folder.path + "/r/latest/report.html", encoding: .utf8)
        let rejects = try String(contentsOfFile: folder.path + "/r/latest/rejects.csv", encoding: .utf8)
        #expect(try CSVTable(contentsOf: folder.path + "/r/latest/matches.csv").rows.count == 1)
        for text in [matches, html, rejects] {
            #expect(!text.contains(Self.resident) && !text.contains(Self.citizen))
            #expect(!text.contains("551234567") && !text.contains("501112223"))
        }
    }
}
