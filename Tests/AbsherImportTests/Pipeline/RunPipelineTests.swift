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

/// A store and report folder in a temp folder, and the CSV rows of one night.
private final class Night {
    let folder = TempFolder("absher-run")
    var store: String { folder.url("absher.sqlite") }

    static let citizenHeader =
        "national_id,name_ar,name_en,birth_date,gender,mobile,email,username,preferred_language,id_expiry\n"
    static let residentHeader =
        "iqama_number,name_en,name_ar,nationality,birth_date,gender,mobile,email,username,preferred_language,sponsor_id,iqama_expiry\n"
    static let sponsorHeader = "sponsor_id,sponsor_type,name,mobile,email\n"

    @discardableResult
    func run(
        citizens: [String]? = nil, residents: [String]? = nil, sponsors: [String]? = nil, night: Int = 1,
        configure: (inout RunOptions) -> Void = { _ in }
    ) -> RunOutcome {
        var inputs: [InputFile] = []
        let dir = folder.url("night\(night)-\(UUID().uuidString.prefix(6))")
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        func write(_ kind: RecordKind, _ header: String, _ rows: [String]?) {
            guard let rows else { return }
            let path = dir + "/\(kind.filePrefix).csv"
            try! Data((header + rows.joined()).utf8).write(to: URL(fileURLWithPath: path))
            inputs.append(InputFile(kind: kind, path: path))
        }
        write(.citizen, Self.citizenHeader, citizens)
        write(.resident, Self.residentHeader, residents)
        write(.sponsor, Self.sponsorHeader, sponsors)
        var options = RunOptions(command: .run, inputs: inputs, runDate: GregorianDate(iso: "2026-11-25")!)
        options.storePath = store
        options.reportsParent = folder.url("Reports")
        options.maxRejectRate = 1
        options.maxDeactivateRate = 1
        configure(&options)
        return ImportRun.run(options)
    }

    func storeBytes() -> Data { (try? Data(contentsOf: URL(fileURLWithPath: store))) ?? Data() }

    func query(_ sql: String) -> [String] {
        let database = try! Database(path: store, readOnly: true)
        defer { database.close() }
        return try! database.rowTexts(sql)
    }
}

private func citizen(
    _ serial: Int, mobile: String = "0551234567", username: String = "", expiry: String = "2030-01-01",
    nameEn: String = "Saad"
) -> String {
    "\(testID(1, serial)),سعد,\(nameEn),\(1950 + serial % 50)-01-02,M,\(mobile),,\(username),ar,\(expiry)\n"
}

private func resident(_ serial: Int, sponsor: String, expiry: String = "2030-01-01") -> String {
    "\(testID(2, serial)),John Smith,,GBR,\(1940 + serial % 50)-05-05,M,0561234567,,,en,\(sponsor),\(expiry)\n"
}

private func sponsor(_ serial: Int) -> String { "\(testID(7, serial)),establishment,شركة \(serial),,\n" }

private func changes(_ outcome: RunOutcome) -> [String] {
    outcome.changes.map { "\($0.recordID) \($0.change.rawValue) \($0.field) \($0.oldValue)→\($0.newValue)" }
}

@Test func firstLoadInsertsEveryAcceptedRecord() {
    let night = Night()
    let outcome = night.run(
        citizens: [citizen(1, username: "saad.one"), citizen(2), citizen(3, mobile: "bad")],
        residents: [resident(1, sponsor: testID(7, 1))], sponsors: [sponsor(1)])
    #expect(outcome.status == .committed)
    #expect(outcome.exitStatus == .success)
    #expect(outcome.changeCounts == [.new: 4])
    #expect(
        night.query("SELECT id, kind, mobile, username_key, active FROM people ORDER BY id") == [
            "\(testID(1, 1))|citizen|+966551234567|saad.one|1", "\(testID(1, 2))|citizen|+966551234567|∅|1",
            "\(testID(2, 1))|resident|+966561234567|∅|1",
        ])
    #expect(night.query("SELECT status, rows_read, rows_accepted, rows_rejected FROM runs") == ["committed|5|4|1"])
}

@Test func secondNightNamesEveryChangeKind() {
    let night = Night()
    let unchanged = (10..<30).map { citizen($0) }
    night.run(
        citizens: [
            citizen(1, username: "saad.one"), citizen(2), citizen(3), citizen(4), citizen(5), citizen(6),
        ] + unchanged,
        residents: [resident(1, sponsor: testID(7, 1)), resident(2, sponsor: testID(7, 1))],
        sponsors: [sponsor(1), sponsor(2), sponsor(3)])
    // Night 2: 3 leaves (deactivated); 1's recovery mobile changes; 2's name is corrected; 4's ID is
    // renewed, 5's expiry moves earlier; resident 1 moves to sponsor 2; sponsor 1 is missing from the file
    // but resident 2 still names it (kept, missing); sponsor 3 goes (deactivated); 7 is new.
    let second = night.run(
        citizens: [
            citizen(1, mobile: "0559999999", username: "saad.one"), citizen(2, nameEn: "Saad Ali"),
            citizen(4, expiry: "2035-01-01"), citizen(5, expiry: "2029-01-01"), citizen(6), citizen(7),
        ] + unchanged,
        residents: [resident(1, sponsor: testID(7, 2)), resident(2, sponsor: testID(7, 1))], sponsors: [sponsor(2)],
        night: 2)
    #expect(second.status == .committed)
    #expect(
        second.changeCounts == [
            .new: 1, .unchanged: 23, .updated: 2, .recoveryContactChanged: 1, .documentRenewed: 1,
            .sponsorTransfer: 1, .deactivated: 2, .missing: 1,
        ])
    #expect(
        Set(changes(second)) == [
            "\(testID(1, 1)) recovery-contact-changed mobile +966551234567→+966559999999",
            "\(testID(1, 2)) updated name_en Saad→Saad Ali",
            "\(testID(1, 4)) document-renewed document_expiry 2030-01-01→2035-01-01",
            "\(testID(1, 5)) updated document_expiry 2030-01-01→2029-01-01",
            "\(testID(2, 1)) sponsor-transfer sponsor_id \(testID(7, 1))→\(testID(7, 2))",
            "\(testID(1, 3)) deactivated  →", "\(testID(7, 3)) deactivated  →", "\(testID(7, 1)) missing  →",
            "\(testID(1, 7)) new  →",
        ])
    #expect(
        night.query("SELECT id, active FROM sponsors ORDER BY id") == [
            "\(testID(7, 1))|1", "\(testID(7, 2))|1", "\(testID(7, 3))|0",
        ])

    // Night 3: 3 returns (reactivated, with its changed field reported as usual).
    let third = night.run(
        citizens: [
            citizen(1, mobile: "0559999999", username: "saad.one"), citizen(2, nameEn: "Saad Ali"),
            citizen(3, nameEn: "Saad Back"), citizen(4, expiry: "2035-01-01"), citizen(5, expiry: "2029-01-01"),
            citizen(6), citizen(7),
        ] + unchanged,
        residents: [resident(1, sponsor: testID(7, 2)), resident(2, sponsor: testID(7, 1))],
        sponsors: [sponsor(1), sponsor(2)], night: 3)
    #expect(third.changeCounts == [.reactivated: 1, .updated: 1, .unchanged: 30])
    #expect(changes(third) == ["\(testID(1, 3)) reactivated  →", "\(testID(1, 3)) updated name_en Saad→Saad Back"])
    #expect(night.query("SELECT active FROM people WHERE id = '\(testID(1, 3))'") == ["1"])
    // The history of a record names the runs that changed it (its insertion is `first_run_id`).
    #expect(
        night.query(
            "SELECT r.id, c.change FROM changes c JOIN runs r ON r.id = c.run_id WHERE record_id = '\(testID(1, 3))' ORDER BY c.id"
        )
            == ["2|deactivated", "3|reactivated", "3|updated"])
    #expect(night.query("SELECT first_run_id FROM people WHERE id = '\(testID(1, 3))'") == ["1"])
}

@Test func runningTheSameFilesAgainChangesNothing() {
    let night = Night()
    let rows = [citizen(1, username: "saad.one"), citizen(2), citizen(2)]
    night.run(citizens: rows)
    let before = night.query("SELECT * FROM people ORDER BY id")
    let again = night.run(citizens: rows, night: 2)
    #expect(again.changeCounts == [.unchanged: 2])
    #expect(again.changes.isEmpty)
    #expect(night.query("SELECT * FROM people ORDER BY id") == before)
}

@Test func deltaModeLeavesAbsentRecordsAlone() {
    let night = Night()
    night.run(citizens: [citizen(1), citizen(2)])
    let delta = night.run(citizens: [citizen(3)], night: 2) { $0.mode = .delta }
    #expect(delta.changeCounts == [.new: 1])
    #expect(night.query("SELECT count(*) FROM people WHERE active = 1") == ["3"])
}

@Test func aRejectedRowKeepsItsStoredRecordAsItWas() {
    let night = Night()
    night.run(citizens: [citizen(1), citizen(2)])
    // 2's row is rejected tonight: it is present, so not deactivated, and not updated.
    let second = night.run(citizens: [citizen(1), citizen(2, mobile: "0521234567")], night: 2)
    #expect(second.changeCounts == [.unchanged: 1])
    #expect(night.query("SELECT active, mobile FROM people WHERE id = '\(testID(1, 2))'") == ["1|+966551234567"])
}

@Test func usernameTakenInTheStoreRejectsTheNewcomerOnly() {
    let night = Night()
    night.run(citizens: [citizen(1, username: "Saad.One")])
    let second = night.run(citizens: [citizen(1, username: "saad.one"), citizen(2, username: "SAAD.ONE")], night: 2)
    // (Only citizens are given, so the run also warns file.kind-missing for residents and sponsors.)
    let rowFindings = second.findings.filter { $0.rule != .fileKindMissing }
    #expect(rowFindings.map { "\($0.recordID) \($0.rule.code)" } == ["\(testID(1, 2)) username.taken"])
    #expect(second.changeCounts[.updated] == 1)
}

@Test func residentSponsorKnownFromTheStoreIsAccepted() {
    let night = Night()
    night.run(sponsors: [sponsor(1)])
    let second = night.run(
        residents: [resident(1, sponsor: testID(7, 1)), resident(2, sponsor: testID(7, 9))], night: 2)
    #expect(second.findings.map(\.rule) == [.fileKindMissing, .fileKindMissing, .sponsorUnknown])
    #expect(second.changeCounts == [.new: 1])
}

@Test func rejectRateBreakerCommitsNothingAndStillReports() throws {
    let night = Night()
    night.run(citizens: [citizen(1), citizen(2)])
    let before = night.storeBytes()
    let outcome = night.run(citizens: [citizen(1, nameEn: "Changed"), citizen(3, mobile: "x")], night: 2) {
        $0.maxRejectRate = 0.2
    }
    #expect(outcome.exitStatus == .aborted)
    #expect(outcome.status == .aborted)
    #expect(night.storeBytes() == before)
    let summary = try String(contentsOfFile: night.folder.url("Reports/latest/summary.json"), encoding: .utf8)
    #expect(summary.contains("\"status\": \"aborted\""))
}

@Test func deactivateRateBreakerCommitsNothing() {
    let night = Night()
    night.run(citizens: (1...10).map { citizen($0) })
    let before = night.storeBytes()
    let outcome = night.run(citizens: (1...8).map { citizen($0) }, night: 2) { $0.maxDeactivateRate = 0.1 }
    #expect(outcome.exitStatus == .aborted)
    #expect(outcome.failure?.message.contains("2 of 10 active citizen records") == true)
    #expect(night.storeBytes() == before)
    let within = night.run(citizens: (1...9).map { citizen($0) }, night: 3) { $0.maxDeactivateRate = 0.1 }
    #expect(within.exitStatus == .success)
    #expect(within.changeCounts[.deactivated] == 1)
}

@Test func dryRunLeavesTheStoreByteIdentical() {
    let night = Night()
    night.run(citizens: [citizen(1), citizen(2)])
    let before = night.storeBytes()
    let outcome = night.run(citizens: [citizen(1, nameEn: "Other"), citizen(3)], night: 2) { $0.dryRun = true }
    #expect(outcome.status == .dryRun)
    #expect(outcome.exitStatus == .success)
    #expect(outcome.changeCounts == [.updated: 1, .new: 1, .deactivated: 1])
    #expect(night.storeBytes() == before)
    #expect(night.query("SELECT count(*) FROM runs") == ["1"])
}

@Test func aLockedStoreExitsSeventyFiveWithoutTouchingIt() throws {
    let night = Night()
    night.run(citizens: [citizen(1)])
    let holder = try Database(path: night.store)
    try holder.execute("BEGIN IMMEDIATE")
    let outcome = night.run(citizens: [citizen(2)], night: 2)
    #expect(outcome.exitStatus == .locked)
    try holder.execute("ROLLBACK")
    holder.close()
    #expect(night.query("SELECT count(*) FROM people") == ["1"])
}

@Test func sameRowsShuffledGiveTheSameStore() {
    var rows = (1...40).map { citizen($0, username: "user\($0)abc") }
    rows += [citizen(41, username: "user1abc"), citizen(5, username: "user5abc"), citizen(7, nameEn: "Other")]
    let first = Night()
    first.run(citizens: rows)
    let expected = first.query("SELECT id, name_en, username, active FROM people ORDER BY id")
    for _ in 0..<3 {
        let other = Night()
        other.run(citizens: rows.shuffled())
        #expect(other.query("SELECT id, name_en, username, active FROM people ORDER BY id") == expected)
    }
}

@Test func usernameOfAStoredPersonAbsentTonightIsTakenForANewcomer() {
    let night = Night()
    night.run(citizens: [citizen(1, username: "owner.one"), citizen(2, username: "keeps.his")])
    // Delta: 1 is not in tonight's file; 3 claims 1's username, 2 keeps his, 4 takes a fresh one.
    let second = night.run(
        citizens: [
            citizen(3, username: "Owner.One"), citizen(2, username: "keeps.his"), citizen(4, username: "fresh.one"),
        ],
        night: 2
    ) { $0.mode = .delta }
    #expect(second.findings.map { "\($0.recordID) \($0.rule.code)" } == ["\(testID(1, 3)) username.taken"])
    #expect(second.changeCounts == [.new: 1, .unchanged: 1])
}

/// The trend's history (issue 15): each earlier run with its warnings, findings per rule and deactivations,
/// as the store recorded them, oldest first.
@Test func historyCarriesEachRunsWarningsRulesAndDeactivations() {
    let night = Night()
    let first = night.run(citizens: (1...4).map { citizen($0) } + ["1,,,,,,,,,\n"])
    #expect(first.rowsRejected == 1)
    let second = night.run(citizens: (1...3).map { citizen($0) }, night: 2)
    #expect(second.changeCounts[.deactivated] == 1)
    let third = night.run(citizens: (1...3).map { citizen($0) }, night: 3)
    #expect(third.history.count == 2)
    let (older, newer) = (third.history[0], third.history[1])
    #expect(older.runID == first.runID)
    #expect(older.ruleCounts == Dictionary(uniqueKeysWithValues: first.ruleCounts.map { ($0.key.code, $0.value) }))
    #expect(older.warnings == first.warningCount)
    #expect(older.changeCounts["new"] == 4)
    #expect(newer.runID == second.runID)
    #expect(newer.changeCounts["deactivated"] == 1)
    #expect(newer.ruleCounts == Dictionary(uniqueKeysWithValues: second.ruleCounts.map { ($0.key.code, $0.value) }))
    #expect(newer.ruleCounts["required.missing"] == nil)
}

/// A run whose report folder cannot be made (the reports parent is a file) has no report path to print.
@Test func aRunWhoseReportFolderCannotBeMadeHasNoReportPath() throws {
    let night = Night()
    try Data().write(to: URL(fileURLWithPath: night.folder.url("Reports")))
    let outcome = night.run(citizens: [citizen(1), citizen(2)])
    #expect(outcome.exitStatus == .cannotCreate)
    #expect(outcome.reportPath == nil)
    let good = Night()
    let written = good.run(citizens: [citizen(1)])
    #expect(written.reportPath == good.folder.url("Reports") + "/\(written.runID)/report.html")
}
