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

// `lookup`, `runs` and `export` over stores built by real runs of CSV files in temp folders, through the store
// boundary (`StoreReader`, `RunStore`): one suite, each test run against both engines (`EngineStore.Engine`:
// SQLite, and PostgreSQL on the test server).

private let citizenHeader =
    "national_id,name_ar,name_en,birth_date,gender,mobile,email,username,preferred_language,id_expiry\n"
private let residentHeader =
    "iqama_number,name_en,name_ar,nationality,birth_date,gender,mobile,email,username,preferred_language,sponsor_id,iqama_expiry\n"
private let sponsorHeader = "sponsor_id,sponsor_type,name,mobile,email\n"

private let saad = testID(1, 1)
private let noura = testID(1, 2)
private let john = testID(2, 1)
private let company = testID(7, 1)

/// The registers of one night, as rows (header excluded), so tests can change or shuffle them.
private struct Night {
    var citizens = [
        "\(saad),سعد,Saad,1990-01-02,M,0501234567,saad@Example.com,Sultan.A,ar,2030-01-01",
        "\(noura),نورة,Noura,1410-03-04,F,0509876543,,,en,",
    ]
    var residents = ["\(john),John Smith,,gbr,1985-05-05,M,0561234567,,john.smith,en,\(company),2030-01-01"]
    var sponsors = [
        "\(company),establishment,شركة النور,0501234567,info@nour.sa",
        "\(saad),individual,سعد,0501234567,",
    ]

    func write(to folder: TempFolder, shuffled: Bool = false) {
        func body(_ rows: [String]) -> String {
            (shuffled ? Array(rows.reversed()) : rows).map { $0 + "\n" }.joined()
        }
        folder.write("citizens.csv", citizenHeader + body(citizens))
        folder.write("residents.csv", residentHeader + body(residents))
        folder.write("sponsors.csv", sponsorHeader + body(sponsors))
    }
}

/// The second night: Saad's mobile changes (he has a username) and his ID is renewed; Noura's name changes.
private func secondNight() -> Night {
    var night = Night()
    night.citizens[0] = "\(saad),سعد,Saad,1990-01-02,M,0551234567,saad@Example.com,Sultan.A,ar,2031-01-01"
    night.citizens[1] = "\(noura),نورة محمد,Noura,1410-03-04,F,0509876543,,,en,"
    night.sponsors[0] = "\(company),establishment,شركة النور,+966551234567,info@nour.sa"
    return night
}

/// Runs `absher-import run` on the CSV files of `inputs` into `store`, with reports under `scratch`.
@discardableResult
private func importRun(
    _ inputs: TempFolder, store: String, scratch: TempFolder, runID: String, date: String = "2026-11-25"
) -> RunOutcome {
    var options = RunOptions(
        command: .run, inputs: try! InputFile.discover(in: inputs.path).files, runDate: GregorianDate(iso: date)!)
    options.storePath = store
    options.reportsParent = scratch.url("Reports")
    options.maxRejectRate = 1
    options.maxDeactivateRate = 1
    options.runID = runID
    let outcome = ImportRun.run(options)
    #expect(outcome.status == .committed, "\(outcome.failure.map(String.init(describing:)) ?? "")")
    return outcome
}

/// A store of `engine` after the two nights, and the folder the reports live in (keep both: the store is
/// removed with its value).
private func twoNightStore(_ engine: EngineStore.Engine) throws -> (scratch: TempFolder, store: EngineStore) {
    let scratch = TempFolder("store-queries")
    let store = try EngineStore(engine)
    let first = TempFolder("night-1")
    Night().write(to: first)
    importRun(first, store: store.location, scratch: scratch, runID: "night-1")
    let second = TempFolder("night-2")
    secondNight().write(to: second)
    importRun(second, store: store.location, scratch: scratch, runID: "night-2", date: "2026-11-26")
    return (scratch, store)
}

private func lookup(_ value: String, in store: EngineStore) throws -> StoreQueries.LookupResult {
    let reader = try store.reader()
    defer { reader.close() }
    return try reader.lookup(value)
}

private func bytes(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }

private func mode(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? -1
}

// MARK: - Lookup

@Test(arguments: [
    ("1000000018", StoreQueries.Key.id("1000000018")),
    ("١٠٠٠٠٠٠٠١٨", .id("1000000018")),
    (" 7000000013 ", .id("7000000013")),
    ("0501234567", .mobile("+966501234567")),
    ("+966 50 123-4567", .mobile("+966501234567")),
    ("00966501234567", .mobile("+966501234567")),
    ("Sultan.A", .username("sultan.a")),
    ("12345", .username("12345")),
])
func readsTheLookupValueAsIDThenMobileThenUsername(value: String, key: StoreQueries.Key) {
    #expect(StoreQueries.key(for: value) == key)
}

@Test(arguments: EngineStore.Engine.available)
func lookupByIDFindsThePersonAndTheSponsorWithAllFields(engine: EngineStore.Engine) throws {
    let (scratch, store) = try twoNightStore(engine)
    defer { withExtendedLifetime((scratch, store)) {} }
    let result = try lookup(saad, in: store)
    #expect(result.key == .id(saad))
    try #require(result.records.map(\.record.kind) == [.citizen, .sponsor])
    let person = result.records[0]
    #expect(person.active)
    #expect(person.record[.mobile] == "+966551234567")
    #expect(person.record[.email] == "saad@example.com")
    #expect(person.record[.username] == "Sultan.A")
    #expect(person.record[.documentExpiry] == "2031-01-01")
    #expect(person.record[.nameEn] == "Saad")
    #expect(person.firstRunKey == "night-1")
    #expect(person.lastChangedRunKey == "night-2")
    #expect(result.records[1].record[.sponsorType] == "individual")
    #expect(result.records[1].lastChangedRunKey == "night-1")
}

@Test(arguments: EngineStore.Engine.available)
func lookupByIDInArabicIndicDigitsFindsTheResident(engine: EngineStore.Engine) throws {
    let (scratch, store) = try twoNightStore(engine)
    defer { withExtendedLifetime((scratch, store)) {} }
    let arabic = String(john.map { Character(Unicode.Scalar(0x0660 + UInt32($0.wholeNumberValue!))!) })
    let result = try lookup(arabic, in: store)
    try #require(result.records.map(\.record.id) == [john])
    #expect(result.records[0].record[.nationality] == "GBR")
    #expect(result.records[0].record[.sponsorID] == company)
}

@Test(arguments: EngineStore.Engine.available, ["0551234567", "+966 55 123 4567", "٠٠٩٦٦٥٥١٢٣٤٥٦٧"])
func lookupByMobileInAnyFormFindsEveryPersonAndSponsorWithIt(engine: EngineStore.Engine, form: String) throws {
    let (scratch, store) = try twoNightStore(engine)
    defer { withExtendedLifetime((scratch, store)) {} }
    let result = try lookup(form, in: store)
    #expect(result.key == .mobile("+966551234567"))
    #expect(
        result.records.map { "\($0.record.kind.rawValue) \($0.record.id)" } == [
            "citizen \(saad)", "sponsor \(company)",
        ])
}

@Test(arguments: EngineStore.Engine.available)
func lookupByUsernameIgnoresLetterCase(engine: EngineStore.Engine) throws {
    let (scratch, store) = try twoNightStore(engine)
    defer { withExtendedLifetime((scratch, store)) {} }
    let result = try lookup("SULTAN.a", in: store)
    #expect(result.records.map(\.record.id) == [saad])
}

@Test(arguments: EngineStore.Engine.available)
func lookupOfAnUnknownValueFindsNothing(engine: EngineStore.Engine) throws {
    let (scratch, store) = try twoNightStore(engine)
    defer { withExtendedLifetime((scratch, store)) {} }
    #expect(try lookup(testID(1, 99), in: store).records.isEmpty)
    #expect(try lookup("0599999999", in: store).records.isEmpty)
    #expect(try lookup("nobody.here", in: store).records.isEmpty)
}

@Test(arguments: EngineStore.Engine.available)
func lookupShowsAnInactiveRecord(engine: EngineStore.Engine) throws {
    let (scratch, store) = try twoNightStore(engine)
    defer { withExtendedLifetime((scratch, store)) {} }
    let third = TempFolder("night-3")
    var night = secondNight()
    night.citizens.removeLast()
    night.write(to: third)
    importRun(third, store: store.location, scratch: scratch, runID: "night-3", date: "2026-11-27")
    let result = try lookup(noura, in: store)
    try #require(result.records.count == 1)
    #expect(result.records[0].active == false)
    #expect(result.records[0].lastChangedRunKey == "night-3")
}

@Test(arguments: EngineStore.Engine.available)
func historyListsTheRecordsChangesInOrderWithTheirRuns(engine: EngineStore.Engine) throws {
    let (scratch, store) = try twoNightStore(engine)
    defer { withExtendedLifetime((scratch, store)) {} }
    // The history as the merge should have written it; recorded here directly (see the next test).
    let first = try #require(try store.scalarInt("SELECT id FROM runs WHERE run_key = 'night-1'"))
    let second = try #require(try store.scalarInt("SELECT id FROM runs WHERE run_key = 'night-2'"))
    try store.execute("DELETE FROM changes")
    try store.inRunTransaction { recordStore in
        try recordStore.beginStaging()
        try recordStore.recordChange(
            Change(
                recordID: saad, kind: .citizen, change: .recoveryContactChanged, field: "mobile",
                oldValue: "+966501234567", newValue: "+966551234567"), runRowID: second)
        try recordStore.recordChange(Change(recordID: saad, kind: .citizen, change: .new), runRowID: first)
        try recordStore.recordChange(Change(recordID: saad, kind: .sponsor, change: .new), runRowID: first)
        try recordStore.recordChange(
            Change(
                recordID: saad, kind: .citizen, change: .documentRenewed, field: "document_expiry",
                oldValue: "2030-01-01", newValue: "2031-01-01"), runRowID: second)
        try recordStore.flushStaged()
    }

    let result = try lookup(saad, in: store)
    try #require(result.records.count == 2)
    let history = result.records[0].history
    #expect(history.map(\.runKey) == ["night-1", "night-2", "night-2"])
    #expect(history.map(\.change) == [.new, .recoveryContactChanged, .documentRenewed])
    #expect(history[0].field == nil && history[0].oldValue == nil)
    #expect(history[1].field == "mobile" && history[1].oldValue == "+966501234567")
    #expect(history[2].newValue == "2031-01-01")
    #expect(history.allSatisfy { !$0.startedAt.isEmpty })
    #expect(result.records[1].history.map(\.change) == [.new])
}

@Test(arguments: EngineStore.Engine.available)
func historyOfARealRunHoldsItsChanges(engine: EngineStore.Engine) throws {
    let (scratch, store) = try twoNightStore(engine)
    defer { withExtendedLifetime((scratch, store)) {} }
    let history = try #require(try lookup(saad, in: store).records.first).history
    #expect(history.map(\.change) == [.new, .recoveryContactChanged, .documentRenewed])
}

// MARK: - Runs

@Test(arguments: EngineStore.Engine.available)
func runsListsEveryRunWithItsCounts(engine: EngineStore.Engine) throws {
    let (scratch, store) = try twoNightStore(engine)
    defer { withExtendedLifetime((scratch, store)) {} }
    let reader = try store.reader()
    defer { reader.close() }
    let runs = try reader.runs()
    #expect(runs.map(\.runKey) == ["night-1", "night-2"])
    #expect(runs.allSatisfy { $0.status == "committed" && $0.exitCode == 0 && $0.mode == "snapshot" })
    #expect(runs.allSatisfy { $0.rowsRead == 5 && $0.rowsAccepted == 5 && $0.rowsRejected == 0 })
    #expect(runs.allSatisfy { $0.endedAt != nil })
    #expect(runs[0].runDate == "2026-11-25")
    #expect(runs[0].changeCounts == [.new: 5])
    #expect(runs[1].changeCounts[.recoveryContactChanged] == 1)
    #expect(runs[1].changeCounts[.documentRenewed] == 1)
    #expect(runs[1].changeCounts[.updated] == 2)
    #expect(runs[1].changeCounts[.unchanged] == 2)
}

@Test(arguments: EngineStore.Engine.available)
func runsOfAFreshStoreIsEmpty(engine: EngineStore.Engine) throws {
    let store = try EngineStore(engine)
    try store.migrate()
    let reader = try store.reader()
    defer { reader.close() }
    #expect(try reader.runs().isEmpty)
}

// MARK: - Opening

@Test func openingAMissingStoreFailsAndCreatesNothing() {
    let scratch = TempFolder("store-queries")
    let path = scratch.url("missing.sqlite")
    #expect(throws: DatabaseError.self) { try StoreQueries.openReadOnly(path: path) }
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(throws: DatabaseError.self) { try StoreExport.export(storePath: path, to: scratch.url("out")) }
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(!FileManager.default.fileExists(atPath: scratch.url("out")))
}

@Test func openingAFileThatIsNotSQLiteSaysSo() {
    let scratch = TempFolder("store-queries")
    let path = scratch.write("notes.sqlite", "these are not the droids\n")
    do {
        _ = try StoreQueries.openReadOnly(path: path)
        Issue.record("opened a text file as a store")
    } catch {
        #expect(error.isNotADatabase)
        #expect(error.message.contains("not a SQLite file"))
    }
}

@Test func openingASQLiteFileWithoutTheSchemaSaysItIsNoStore() throws {
    let scratch = TempFolder("store-queries")
    let path = scratch.url("other.sqlite")
    let database = try Database(path: path)
    try database.execute("CREATE TABLE t (a)")
    database.close()
    do {
        _ = try StoreQueries.openReadOnly(path: path)
        Issue.record("opened a foreign database as a store")
    } catch {
        #expect(error.isNotADatabase)
        #expect(error.message.contains("not an absher-import store"))
    }
}

/// A database with a table of its own but not the store's: `lookup`, `runs` and `export` refuse it and
/// leave it as it was.
@Test(arguments: EngineStore.Engine.available)
func openingADatabaseWithoutTheStoresTablesSaysItIsNoStore(engine: EngineStore.Engine) throws {
    let store = try EngineStore(engine)
    try store.execute("CREATE TABLE t (a integer)")
    let error = #expect(throws: (any Error).self) { try store.reader() }
    #expect("\(error.map(String.init(describing:)) ?? "")".contains("not an absher-import store"))
    #expect(try store.scalarInt("SELECT count(*) FROM t") == 0)
}

// MARK: - Export

@Test(arguments: EngineStore.Engine.available)
func exportWritesActiveRecordsInSpecOrderWithPrivateModes(engine: EngineStore.Engine) throws {
    let (scratch, store) = try twoNightStore(engine)
    defer { withExtendedLifetime((scratch, store)) {} }
    let out = scratch.url("export/nested")
    let summary = try StoreExport.export(storePath: store.location, to: out)
    #expect(summary.rows == [.citizen: 2, .resident: 1, .sponsor: 2])
    #expect(mode(out) == 0o700)
    for kind in RecordKind.allCases {
        #expect(mode(summary.path(for: kind)) == 0o600)
    }
    let citizens = String(decoding: bytes(summary.path(for: .citizen)), as: UTF8.self)
    let lines = citizens.split(separator: "\r\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0] + "\n" == citizenHeader)
    #expect(lines[2].hasPrefix("\(noura),نورة محمد,Noura,19"))  // the Hijri birth date, stored Gregorian
    // Exact values (issue 16): the stored E.164 mobile, without the formula guard.
    #expect(lines[1] == "\(saad),سعد,Saad,1990-01-02,M,+966551234567,saad@example.com,Sultan.A,ar,2031-01-01")
    let sponsors = String(decoding: bytes(summary.path(for: .sponsor)), as: UTF8.self)
    #expect(
        sponsors == "sponsor_id,sponsor_type,name,mobile,email\r\n" + "\(saad),individual,سعد,+966501234567,\r\n"
            + "\(company),establishment,شركة النور,+966551234567,info@nour.sa\r\n")
    let residents = String(decoding: bytes(summary.path(for: .resident)), as: UTF8.self)
    #expect(
        residents == residentHeader.replacingOccurrences(of: "\n", with: "\r\n")
            + "\(john),John Smith,,GBR,1985-05-05,M,+966561234567,,john.smith,en,\(company),2030-01-01\r\n")
}

@Test(arguments: EngineStore.Engine.available)
func exportLeavesInactiveRecordsOutAndReplacesAnOlderExport(engine: EngineStore.Engine) throws {
    let (scratch, store) = try twoNightStore(engine)
    defer { withExtendedLifetime((scratch, store)) {} }
    let out = scratch.url("export")
    _ = try StoreExport.export(storePath: store.location, to: out)
    let third = TempFolder("night-3")
    var night = secondNight()
    night.citizens.removeLast()
    night.write(to: third)
    importRun(third, store: store.location, scratch: scratch, runID: "night-3", date: "2026-11-27")
    let summary = try StoreExport.export(storePath: store.location, to: out)
    #expect(summary.rows[.citizen] == 1)
    let citizens = String(decoding: bytes(summary.path(for: .citizen)), as: UTF8.self)
    #expect(!citizens.contains(noura))
    #expect(FileSystem.entries(of: out).sorted() == ["citizens.csv", "residents.csv", "sponsors.csv"])
}

@Test(arguments: EngineStore.Engine.available)
func runningTheExportAgainChangesNothing(engine: EngineStore.Engine) throws {
    let (scratch, store) = try twoNightStore(engine)
    defer { withExtendedLifetime((scratch, store)) {} }
    let out = TempFolder("export")
    let summary = try StoreExport.export(storePath: store.location, to: out.path)
    let outcome = importRun(out, store: store.location, scratch: scratch, runID: "round-trip", date: "2026-11-26")
    let exported = summary.rows.values.reduce(0, +)
    #expect(outcome.rowsRejected == 0)
    #expect(outcome.rowsAccepted == exported)
    #expect(outcome.changeCounts == [.unchanged: exported])
    #expect(outcome.changes.isEmpty)
}

@Test(arguments: EngineStore.Engine.available)
func exportDoesNotDependOnTheOrderRowsWereLoadedIn(engine: EngineStore.Engine) throws {
    var exports: [[[UInt8]]] = []
    for shuffled in [false, true] {
        let scratch = TempFolder("store-queries")
        let store = try EngineStore(engine)
        let inputs = TempFolder("night")
        var night = secondNight()
        night.citizens += (3...12).map {
            "\(testID(1, $0)),فهد,Fahd,1991-02-03,M,05012345\(String(format: "%02d", $0)),,,ar,"
        }
        night.write(to: inputs, shuffled: shuffled)
        importRun(inputs, store: store.location, scratch: scratch, runID: "night")
        let summary = try StoreExport.export(storePath: store.location, to: scratch.url("out"))
        exports.append(RecordKind.allCases.map { bytes(summary.path(for: $0)) })
    }
    #expect(exports[0] == exports[1])
    #expect(exports[0].allSatisfy { !$0.isEmpty })
}
