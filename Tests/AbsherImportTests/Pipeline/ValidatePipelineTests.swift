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

/// Runs `validate` over files in a temp folder and reads the outcome back.
private func validate(_ folder: TempFolder, configure: (inout RunOptions) -> Void = { _ in }) -> RunOutcome {
    let found = try! InputFile.discover(in: folder.path).files
    var options = RunOptions(command: .validate, inputs: found, runDate: GregorianDate(iso: "2026-11-25")!)
    options.reportsParent = folder.url("Reports")
    options.maxRejectRate = 1
    configure(&options)
    return ImportRun.validate(options)
}

private let citizenHeader =
    "national_id,name_ar,name_en,birth_date,gender,mobile,email,username,preferred_language,id_expiry\n"
private let residentHeader =
    "iqama_number,name_en,name_ar,nationality,birth_date,gender,mobile,email,username,preferred_language,sponsor_id,iqama_expiry\n"
private let sponsorHeader = "sponsor_id,sponsor_type,name,mobile,email\n"

private func citizen(
    _ serial: Int, mobile: String? = nil, email: String = "", username: String = "", name: String = "سعد"
)
    -> String
{
    let mobile = mobile ?? "05\(String(format: "%08d", 50_000_000 + serial))"
    return
        "\(testID(1, serial)),\(name),Saad,\(1950 + serial % 50)-01-02,M,\(mobile),\(email),\(username),ar,2030-01-01\n"
}

private func resident(_ serial: Int, sponsor: String, username: String = "") -> String {
    "\(testID(2, serial)),John Smith,,GBR,\(1940 + serial % 50)-05-05,M,0561234567,,\(username),en,\(sponsor),2030-01-01\n"
}

private func rules(_ outcome: RunOutcome) -> [String] {
    outcome.findings.map { "\($0.file):\($0.line.map(String.init) ?? "-"):\($0.rule.code)" }
}

@Test func identicalRepeatIsAWarningAndConflictRejectsEveryRow() {
    let folder = TempFolder()
    folder.write(
        "citizens.csv",
        citizenHeader + citizen(1) + citizen(1) + citizen(2) + citizen(2, name: "خالد") + citizen(3))
    let outcome = validate(folder)
    #expect(
        rules(outcome) == [
            "citizens.csv:3:id.duplicate", "citizens.csv:4:id.duplicate-conflict",
            "citizens.csv:5:id.duplicate-conflict",
        ])
    #expect(outcome.files[0].accepted == 3)
    #expect(outcome.files[0].rejected == 2)
    #expect(outcome.exitStatus == .success)
}

@Test func usernameClaimedByTwoPeopleRejectsBothButNotARepeatOfOnePerson() {
    let folder = TempFolder()
    folder.write(
        "citizens.csv",
        citizenHeader + citizen(1, username: "Sultan.A") + citizen(2, username: "sultan.a")
            + citizen(3, username: "faisal_1")
            + citizen(3, username: "faisal_1"))
    let outcome = validate(folder)
    #expect(
        rules(outcome) == [
            "citizens.csv:2:username.duplicate", "citizens.csv:3:username.duplicate", "citizens.csv:5:id.duplicate",
        ])
}

@Test func residentSponsorMustBeInThisRunsSponsors() {
    let folder = TempFolder()
    let known = testID(7, 1)
    let unknown = testID(7, 2)
    folder.write("sponsors.csv", sponsorHeader + "\(known),establishment,شركة النور,,\n")
    folder.write("residents.csv", residentHeader + resident(1, sponsor: known) + resident(2, sponsor: unknown))
    let outcome = validate(folder)
    #expect(rules(outcome) == ["residents.csv:3:sponsor.unknown"])
    #expect(outcome.findings[0].value == unknown)
}

@Test func individualSponsorWhoIsNoKnownPersonIsAWarning() {
    let folder = TempFolder()
    folder.write("citizens.csv", citizenHeader + citizen(1))
    folder.write(
        "sponsors.csv",
        sponsorHeader + "\(testID(1, 1)),individual,سعد,,\n" + "\(testID(1, 9)),فرد,فهد,,\n"
            + "\(testID(7, 3)),individual,شركة,,\n")
    let outcome = validate(folder)
    #expect(rules(outcome) == ["sponsors.csv:3:sponsor.person-unknown", "sponsors.csv:4:sponsor.type-mismatch"])
}

@Test func mobileSharedByMoreThanFivePeopleWarnsEveryOne() {
    let folder = TempFolder()
    var text = citizenHeader
    for serial in 1...6 { text += citizen(serial, mobile: "0551234567") }
    for serial in 7...11 { text += citizen(serial, mobile: "0551111111", email: "family@example.com") }
    folder.write("citizens.csv", text)
    let outcome = validate(folder)
    #expect(outcome.ruleCounts == [.mobileShared: 6])
    #expect(outcome.files[0].rejected == 0)
    let limited = validate(folder) {
        $0.reconcile.maxPeoplePerEmail = 4
        $0.reconcile.maxPeoplePerMobile = 6
    }
    #expect(limited.ruleCounts == [.emailShared: 5])
}

@Test func rowsWithFieldErrorsClaimNothing() {
    let folder = TempFolder()
    // The second row's bad mobile rejects it; it does not make the username a duplicate.
    folder.write(
        "citizens.csv",
        citizenHeader + citizen(1, username: "nasser10") + citizen(2, mobile: "0521234567", username: "nasser10"))
    let outcome = validate(folder)
    #expect(rules(outcome) == ["citizens.csv:3:mobile.invalid"])
}

@Test func findingsDoNotDependOnRowOrder() {
    let folder = TempFolder()
    var rows: [String] = []
    for serial in 1...6 { rows.append(citizen(serial, mobile: "0551234567", username: "user\(serial)x")) }
    rows.append(citizen(7, username: "user1x"))
    rows.append(citizen(8))
    rows.append(citizen(8))
    rows.append(citizen(9))
    rows.append(citizen(9, name: "علي"))
    rows.append(citizen(10, mobile: "12"))
    func summary(_ outcome: RunOutcome) -> [String] {
        outcome.findings.map { "\($0.recordID) \($0.rule.code)" }.sorted()
    }
    folder.write("citizens.csv", citizenHeader + rows.joined())
    let first = validate(folder)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5 {
        let shuffledFolder = TempFolder()
        shuffledFolder.write("citizens.csv", citizenHeader + rows.shuffled(using: &generator).joined())
        let shuffled = validate(shuffledFolder)
        #expect(shuffled.files[0].accepted == first.files[0].accepted)
        // id.duplicate goes to whichever repeat comes second; every other finding is the same.
        #expect(summary(shuffled) == summary(first))
    }
}

@Test func missingRequiredColumnMakesTheFileUnusable() {
    let folder = TempFolder()
    folder.write("citizens.csv", "national_id,name_en\n\(testID(1, 1)),Saad\n")
    let outcome = validate(folder)
    #expect(outcome.exitStatus == .dataError)
    #expect(outcome.status == .failed)
    #expect(
        outcome.findings.filter { $0.rule == .headerMissingColumn }.map(\.field).sorted() == [
            "birth_date", "mobile", "name_ar",
        ])
    #expect(outcome.failure?.description.contains("citizens.csv") == true)
}

@Test func rejectRateAboveTheLimitExitsOne() {
    let folder = TempFolder()
    folder.write("citizens.csv", citizenHeader + citizen(1) + citizen(2, mobile: "1"))
    let outcome = validate(folder) { $0.maxRejectRate = 0.4 }
    #expect(outcome.exitStatus == .aborted)
    #expect(validate(folder) { $0.maxRejectRate = 0.5 }.exitStatus == .success)
}

@Test func rejectedCopiesHoldTheRowsAsReadWithoutThePassword() throws {
    let folder = TempFolder()
    let header = "password," + citizenHeader
    let bad =
        "\"hunter2\"," + citizen(2, mobile: "0521234567").replacingOccurrences(of: "سعد", with: "\"سعد, \"\"ابن\"\"\"")
    folder.write("citizens.csv", header + "s3cret," + citizen(1) + bad)
    let outcome = validate(folder)
    #expect(outcome.files[0].rejected == 1)
    let reports = folder.url("Reports/latest")
    let copy = try String(contentsOfFile: reports + "/rejected/citizens.csv", encoding: .utf8)
    #expect(!copy.contains("hunter2") && !copy.contains("s3cret") && !copy.contains("password"))
    #expect(copy.hasPrefix(citizenHeader.dropLast() + "\r\n"))
    #expect(copy.contains("\"سعد, \"\"ابن\"\"\""))
    let rejects = try String(contentsOfFile: reports + "/rejects.csv", encoding: .utf8)
    #expect(rejects.contains("header.sensitive-column") && !rejects.contains("hunter2"))
}

@Test func rowCountsAreConserved() {
    let folder = TempFolder()
    folder.write(
        "citizens.csv",
        citizenHeader + citizen(1) + citizen(1) + "\n\n" + citizen(2, mobile: "x") + "1,2,3\n" + citizen(3))
    let outcome = validate(folder)
    let file = outcome.files[0]
    #expect(file.rows == 5)
    #expect(file.rows == file.accepted + file.rejected)
    #expect(outcome.findings.contains { $0.rule == .rowMalformed && $0.line == 7 })
}

/// The first pass keeps one `RowFacts` per row of a national export: its size is the run's memory per row.
@Test func rowFactsStayFortyBytes() {
    #expect(MemoryLayout<RowFacts>.stride == 40)
}

/// A block too large for the matcher to pair on (here one mobile of 70 people) is not skipped in silence: the
/// run counts it, summary.json and both languages' report.html say so, and the log gets a note. A run with no
/// such block says nothing of it.
@Test(arguments: [ReportLanguage.english, .arabic])
func aBlockTooLargeToMatchIsReported(language: ReportLanguage) throws {
    let folder = TempFolder()
    let people = 70
    // Each born in another year, so that the name blocks hold one person each; one mobile for all.
    let rows = (1...people).map {
        "\(testID(1, $0)),سعد,Saad,\(1930 + $0)-01-02,M,0551234567,,,ar,2030-01-01\n"
    }
    folder.write("citizens.csv", citizenHeader + rows.joined())
    let outcome = validate(folder) { $0.reportLanguage = language }
    #expect(outcome.matchBlocksSkipped == 1)
    #expect(
        outcome.notes.contains { $0.contains("the matcher left 1 of its blocks unpaired (each more than 64 people") })
    let report = try #require(outcome.reportPath)
    let folderPath = (report as NSString).deletingLastPathComponent
    let summary = try String(contentsOfFile: folderPath + "/summary.json", encoding: .utf8)
    #expect(summary.contains("\"matcher_blocks_skipped\": 1") || summary.contains("\"matcher_blocks_skipped\":1"))
    let html = try String(contentsOfFile: report, encoding: .utf8)
    switch language {
    case .english: #expect(html.contains("Groups too large to compare (more than 64 people who share a birth day"))
    case .arabic: #expect(html.contains("مجموعات أكبر من أن تُقارن (أكثر من 64 شخصًا"))
    }

    let small = TempFolder()
    small.write("citizens.csv", citizenHeader + rows.prefix(10).joined())
    let quiet = validate(small)
    #expect(quiet.matchBlocksSkipped == 0 && quiet.notes.isEmpty)
    let quietSummary = try String(
        contentsOfFile: ((try #require(quiet.reportPath)) as NSString).deletingLastPathComponent + "/summary.json",
        encoding: .utf8)
    #expect(!quietSummary.contains("matcher_blocks_skipped"))
}

/// `validate` has no store to read a pair's names back from: they come from the files again, as written
/// there, so that the pair view of report.html shows them (contract §4b).
@Test func validateShowsThePairsNamesAsTheFilesWriteThem() throws {
    let folder = TempFolder()
    folder.write(
        "citizens.csv",
        citizenHeader + citizen(1, name: "خالد")
            + "\(testID(1, 71)),ثامر عبدالله السديري,Thamer Abdullah Alsudairi,1979-03-02,M,0503334445,,,ar,2030-01-01\n"
            + citizen(2, name: "ناصر")
            + "\(testID(1, 72)),ثامر السديري,Thamer Alsudairy,02/03/1979,M,0503334445,,,ar,2030-01-01\n")
    let outcome = validate(folder)
    let match = try #require(outcome.matches.first)
    #expect(outcome.matches.count == 1)
    #expect([match.record.id, match.other.id].sorted() == [testID(1, 71), testID(1, 72)])
    let names = [match.record, match.other].map { "\($0.nameAr ?? "-") / \($0.nameEn ?? "-")" }.sorted()
    #expect(names == ["ثامر السديري / Thamer Alsudairy", "ثامر عبدالله السديري / Thamer Abdullah Alsudairi"])
    let html = try String(contentsOfFile: try #require(outcome.reportPath), encoding: .utf8)
    #expect(html.contains("Thamer Abdullah Alsudairi") && html.contains("ثامر السديري"))
}
