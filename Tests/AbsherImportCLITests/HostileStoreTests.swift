import Foundation
import Testing

/// Issue 16 items 6 and 7: what the store holds comes back out exactly (`export` has no formula guard, and
/// reads back `unchanged`), and a store edited by hand is reported (`store.invalid-record`), not mangled.
@Suite(.enabled(if: StoreFingerprint.sqliteShellExists, "needs the sqlite3 shell"))
struct HostileStoreTests {
    static let sample = BinaryRun.packageRoot.appendingPathComponent("SampleData").path

    static func run(_ input: String, _ folder: TemporaryFolder, _ extra: [String] = []) throws -> BinaryRun {
        try BinaryRun.run(
            [
                "run", input, "--store", "s.sqlite", "--reports", "out", "--now", "2026-11-25", "--max-reject-rate",
                "0.5", "--quiet",
            ] + extra, in: folder.url)
    }

    static func sql(_ folder: TemporaryFolder, _ text: String) throws -> String {
        try StoreIdentityTests.sqlite(folder.path + "/s.sqlite", text)
    }

    static func latest(_ folder: TemporaryFolder, _ name: String) throws -> String {
        try String(contentsOfFile: folder.path + "/out/latest/" + name, encoding: .utf8)
    }

    /// Values starting with `=`, `+`, `-` and `@` are exported as they are and read back `unchanged`; the
    /// report CSVs keep their guard.
    @Test func exportHoldsExactValuesAndReadsBackUnchanged() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try Self.run(Self.sample, folder).status == 0)
        _ = try Self.sql(
            folder,
            """
            UPDATE sponsors SET name = '=SUM(1)' WHERE id = (SELECT min(id) FROM sponsors WHERE id LIKE '7%');
            UPDATE sponsors SET name = '-Alpha Trading' WHERE id = (SELECT max(id) FROM sponsors WHERE id LIKE '7%');
            UPDATE people SET email = '+tag@example.com' WHERE id = (SELECT min(id) FROM people WHERE email IS NOT NULL);
            """)
        let export = try BinaryRun.run(["export", "--store", "s.sqlite", "--out", "export"], in: folder.url)
        #expect(export.status == 0, "\(export.stderr)")
        let sponsors = try String(contentsOfFile: folder.path + "/export/sponsors.csv", encoding: .utf8)
        let citizens = try String(contentsOfFile: folder.path + "/export/citizens.csv", encoding: .utf8)
        let residents = try String(contentsOfFile: folder.path + "/export/residents.csv", encoding: .utf8)
        #expect(sponsors.contains(",=SUM(1),") && sponsors.contains(",-Alpha Trading,"))
        #expect((citizens + residents).contains(",+tag@example.com,"))
        #expect((citizens + residents + sponsors).contains(",+9665"))
        #expect(!(citizens + residents + sponsors).contains(",'"), "no formula guard in the export")

        let back = try Self.run(folder.path + "/export", folder)
        #expect(back.status == 0, "\(back.stderr)")
        let changes = try Self.latest(folder, "changes.csv")
        #expect(changes.split(whereSeparator: \.isNewline).count == 1, "only the header: \(changes)")
        let summary = try Self.latest(folder, "summary.json")
        #expect(!summary.contains("\"updated\""), "\(summary)")

        // A report CSV guards the same values.
        try Data(sponsors.replacingOccurrences(of: "=SUM(1)", with: "=SUM(2)").utf8).write(
            to: URL(fileURLWithPath: folder.path + "/export/sponsors.csv"))
        #expect(try Self.run(folder.path + "/export", folder).status == 0)
        let guarded = try Self.latest(folder, "changes.csv")
        #expect(guarded.contains(",name,'=SUM(1),'=SUM(2)"), "\(guarded)")
    }

    /// Stored IDs `abc` and `''`, inserted by hand: reported on every run, never deactivated, never turned into
    /// another ID (they were `0000005451` and `0000000000`), and left byte for byte as they were.
    @Test func invalidStoredIDsAreReportedAndLeftAlone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try Self.run(Self.sample, folder).status == 0)
        _ = try Self.sql(
            folder,
            """
            CREATE TEMP TABLE copy AS SELECT * FROM people WHERE kind = 'citizen' AND username_key IS NULL LIMIT 2;
            UPDATE copy SET id = 'abc' WHERE rowid = (SELECT min(rowid) FROM copy);
            UPDATE copy SET id = '' WHERE id <> 'abc';
            INSERT INTO people SELECT * FROM copy;
            """)
        let hand =
            "SELECT quote(id), active, name_ar, last_changed_run_id FROM people WHERE length(id) <> 10 ORDER BY id"
        let before = try Self.sql(folder, hand)
        for night in ["2026-11-25", "2026-11-26"] {
            let run = try BinaryRun.run(
                [
                    "run", Self.sample, "--store", "s.sqlite", "--reports", "out", "--now", night,
                    "--max-reject-rate", "0.5", "--quiet",
                ], in: folder.url)
            #expect(run.status == 0, "\(run.stderr)")
            let rejects = try Self.latest(folder, "rejects.csv")
            let findings = rejects.split(whereSeparator: \.isNewline).filter { $0.contains("store.invalid-record") }
            #expect(findings.count == 2, "\(findings)")
            #expect(findings.contains { $0.hasPrefix(",,abc,national_id,store.invalid-record,error,") })
            #expect(findings.contains { $0.hasPrefix(",,,national_id,store.invalid-record,error,") })
            let changes = try Self.latest(folder, "changes.csv")
            #expect(!changes.contains("0000005451") && !changes.contains("0000000000"))
            #expect(!changes.contains("abc"))
            #expect(try Self.latest(folder, "summary.json").contains("\"store.invalid-record\": 2"))
        }
        // A run aborted before its merge (no comparison read the store) finds them by a query of its own.
        let aborted = try BinaryRun.run(
            [
                "run", Self.sample, "--store", "s.sqlite", "--reports", "out", "--now", "2026-11-25",
                "--max-reject-rate", "0", "--quiet",
            ], in: folder.url)
        #expect(aborted.status == 1, "\(aborted.stderr)")
        #expect(try Self.latest(folder, "summary.json").contains("\"store.invalid-record\": 2"))
        #expect(try Self.sql(folder, hand) == before)
        #expect(before.contains("'abc'|1|") && before.contains("''|1|"))
    }
}
