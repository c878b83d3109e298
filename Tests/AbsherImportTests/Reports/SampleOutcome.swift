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

@testable import AbsherImport

/// Hand-built run outcomes for the report tests: a realistic night with Arabic names, long values, changes and
/// a history of earlier runs.
enum SampleOutcome {
    static let runDate = GregorianDate(iso: "2026-11-25")!
    static let started = Date(timeIntervalSince1970: 1_795_575_600)  // 2026-11-25 03:00 UTC

    static func file(_ name: String, _ kind: RecordKind, rows: Int, rejected: Int, warnings: Int)
        -> FileSummary
    {
        FileSummary(
            input: InputFile(kind: kind, path: "/data/2026-11-25/\(name)"),
            sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", encoding: .utf8,
            rows: rows,
            accepted: rows - rejected, rejected: rejected, warnings: warnings, rejectedRows: [])
    }

    /// A committed `run` with findings, changes and `historyCount` earlier runs.
    static func night(findings: [Finding]? = nil, changes: [Change]? = nil, historyCount: Int = 34)
        -> RunOutcome
    {
        let findings = findings ?? defaultFindings
        let changes = changes ?? defaultChanges
        var counts: [ChangeKind: Int] = [.unchanged: 11_204]
        for change in changes { counts[change.change, default: 0] += 1 }
        let history = (0..<historyCount).map { day in
            RunHistoryEntry(
                runID: "20261\(String(format: "%03d", day))T030000Z",
                startedAt: "2026-10-\(String(format: "%02d", day % 28 + 1))T03:00:00Z",
                mode: "snapshot", status: day == 20 ? "aborted" : "committed", rowsRead: 12_000 + day * 40,
                rowsAccepted: 11_900 + day * 37 - (day == 20 ? 3_000 : 0),
                rowsRejected: 60 + (day * 13) % 70 + (day == 20 ? 3_000 : 0), warnings: 10 + day % 5,
                ruleCounts: [
                    "mobile.invalid": 20 + day % 7, "id.checksum": 10 + day % 3, "email.invalid": 5,
                    "date.invalid": 2, "name.script": day % 4, "username.taken": 1,
                ],
                changeCounts: ["deactivated": day % 6 == 0 ? 12 : 0, "updated": 30])
        }
        return RunOutcome(
            runID: "20261125T030000Z-4f2a", command: .run, mode: .snapshot, startedAt: started,
            endedAt: started.addingTimeInterval(42.7), runDate: runDate, status: .committed,
            exitStatus: .success,
            failure: nil,
            files: [
                file("citizens.csv", .citizen, rows: 8_412, rejected: 57, warnings: 12),
                file("residents.csv", .resident, rows: 3_120, rejected: 31, warnings: 4),
                file("sponsors.csv", .sponsor, rows: 690, rejected: 2, warnings: 1),
            ],
            findings: findings, changes: changes, changeCounts: counts, history: history)
    }

    static let defaultFindings: [Finding] = [
        Finding(
            file: "citizens.csv", line: 1, field: "", rule: .headerUnknownColumn,
            message: FindingMessage(.headerUnknownColumn, .count(11), .value("notes"), .code("citizens.csv")),
            value: "notes"),
        Finding(
            file: "citizens.csv", line: 14, recordID: "1000000008", field: "national_id",
            rule: .idChecksum, value: "1000000009"),
        Finding(
            file: "citizens.csv", line: 27, recordID: "1012345672", field: "name_ar", rule: .nameScript,
            value: "عبدالله Mohammed"),
        Finding(
            file: "citizens.csv", line: 31, recordID: "1012345680", field: "mobile", rule: .mobileInvalid,
            value: "0521234567"),
        Finding(
            file: "citizens.csv", line: 58, recordID: "1012345698", field: "email", rule: .emailInvalid,
            value: "فاطمة.الزهراني@@example.sa"),
        Finding(
            file: "citizens.csv", line: 61, recordID: "1012345706", field: "birth_date",
            rule: .dateInvalid, value: "1445-10-30"),
        Finding(
            file: "citizens.csv", line: 77, recordID: "1012345714", field: "id_expiry",
            rule: .documentExpired, value: "1446-02-01"),
        Finding(
            file: "citizens.csv", line: 93, recordID: "1012345722", field: "username",
            rule: .usernameDuplicate,
            message: FindingMessage(
                .usernameDuplicate, .value("sultan.a"), .count(2), .ids(["1012345722", "2012345683"], total: 2)),
            value: "sultan.a"),
        Finding(
            file: "residents.csv", line: 8, recordID: "2012345675", field: "sponsor_id",
            rule: .sponsorUnknown, value: "7001234567"),
        Finding(
            file: "residents.csv", line: 19, recordID: "2012345683", field: "nationality",
            rule: .nationalityInvalid, value: "SAU"),
        Finding(
            file: "residents.csv", line: 40, recordID: "", field: "", rule: .rowMalformed,
            message: FindingMessage(.rowCellCount, .count(14), .count(12)),
            value:
                "2012345691,Ahmed Khan,أحمد خان,PAK,1988-03-04,M,0551234567,ahmed.khan@example.com,ahmedk,en,7001234567,2027-01-01,extra,cells-that-go-on-and-on-without-any-space-to-wrap-at-all-0123456789"
        ),
        Finding(
            file: "sponsors.csv", line: 5, recordID: "7001234567", field: "sponsor_type",
            rule: .sponsorTypeMismatch, value: "فرد"),
        Finding(
            file: "sponsors.csv", line: 12, recordID: "1098765432", field: "", rule: .sponsorPersonUnknown
        ),
    ]

    static let defaultChanges: [Change] = [
        Change(recordID: "1012345730", kind: .citizen, change: .new),
        Change(
            recordID: "1012345748", kind: .citizen, change: .updated, field: "name_ar",
            oldValue: "محمد بن سعد",
            newValue: "محمد بن سعد القحطاني"),
        Change(
            recordID: "1012345755", kind: .citizen, change: .recoveryContactChanged, field: "mobile",
            oldValue: "+966551234567", newValue: "+966561234567"),
        Change(
            recordID: "2012345709", kind: .resident, change: .sponsorTransfer, field: "sponsor_id",
            oldValue: "7001234567", newValue: "7007654321"),
        Change(
            recordID: "2012345717", kind: .resident, change: .documentRenewed, field: "iqama_expiry",
            oldValue: "2026-12-01", newValue: "2027-12-01"),
        Change(
            recordID: "2012345725", kind: .resident, change: .updated, field: "email",
            oldValue: "john.smith@example.com", newValue: "j.smith@mail.example.co.uk"),
        Change(recordID: "7001234575", kind: .sponsor, change: .missing),
        Change(recordID: "2012345733", kind: .resident, change: .deactivated),
        Change(recordID: "1012345763", kind: .citizen, change: .reactivated),
    ]
}
