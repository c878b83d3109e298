import Foundation
import Testing

/// Contract §5.2 and issue 16 items 3 and 5: the store is ours or nothing. Another application's SQLite file
/// is refused with exit 73 before a byte of it changes (no switch to WAL either), by `run`, `lookup`, `runs` and
/// `export`; a store of this tool made before the `application_id` existed still opens and gets the id; a
/// store is never reached through a symbolic link, and a new one is 0600 whatever the umask.
@Suite(.enabled(if: StoreFingerprint.sqliteShellExists, "needs the sqlite3 shell"))
struct StoreIdentityTests {
    static let applicationID = "1094865736"  // 0x41425348, "ABSH"

    static func sqlite(_ path: String, _ sql: String) throws -> String {
        let run = try BinaryRun.run([path, sql], program: "/usr/bin/sqlite3")
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    static func runSample(_ store: String, in folder: TemporaryFolder) throws -> BinaryRun {
        try BinaryRun.run(
            [
                "run", BinaryRun.packageRoot.appendingPathComponent("SampleData").path, "--store", store,
                "--reports", "out", "--now", "2026-11-25", "--max-reject-rate", "0.5", "--quiet",
            ], in: folder.url)
    }

    /// A notes database, and one with `user_version` 1 that is still not ours: both refused, byte for byte
    /// unchanged, with no `-wal` or `-shm` beside them, by every command that opens a store.
    @Test(arguments: ["", "PRAGMA user_version = 1;"])
    func anotherApplicationsDatabaseIsRefusedUntouched(pragma: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/notes.db"
        _ = try Self.sqlite(path, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello'); \(pragma)")
        let before = try #require(Self.bytes(path))
        let run = try Self.runSample("notes.db", in: folder)
        #expect(run.status == 73)
        #expect(run.stderr.contains("notes.db is a SQLite file of another application, not an absher-import store"))
        for arguments in [["lookup", "1000000008"], ["runs"], ["export", "--out", "export"]] {
            let other = try BinaryRun.run(arguments + ["--store", "notes.db"], in: folder.url)
            #expect(other.status == 73, "\(arguments): \(other.stderr)")
            #expect(other.stderr.contains("not an absher-import store"), "\(arguments): \(other.stderr)")
        }
        #expect(Self.bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
        #expect(try Self.sqlite(path, "PRAGMA journal_mode") == "delete")
    }

    @Test func newStoreCarriesTheApplicationID() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try Self.runSample("store.sqlite", in: folder).status == 0)
        #expect(try Self.sqlite(folder.path + "/store.sqlite", "PRAGMA application_id") == Self.applicationID)
        // An empty file is not "another application's": it becomes the store.
        _ = FileManager.default.createFile(atPath: folder.path + "/empty.sqlite", contents: Data())
        #expect(try Self.runSample("empty.sqlite", in: folder).status == 0)
        #expect(try Self.sqlite(folder.path + "/empty.sqlite", "PRAGMA application_id") == Self.applicationID)
    }

    /// A store of this tool from before the id (our tables, `user_version` ≥ 1, `application_id` 0) is read by
    /// the read-only commands as it is, and gets the id at the next run.
    @Test func storeMadeBeforeTheIDStillOpensAndGetsIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path + "/old.sqlite"
        #expect(try Self.runSample("old.sqlite", in: folder).status == 0)
        _ = try Self.sqlite(path, "PRAGMA application_id = 0")
        let runs = try BinaryRun.run(["runs", "--store", "old.sqlite"], in: folder.url)
        #expect(runs.status == 0, "\(runs.stderr)")
        #expect(try Self.sqlite(path, "PRAGMA application_id") == "0")
        #expect(try Self.runSample("old.sqlite", in: folder).status == 0)
        #expect(try Self.sqlite(path, "PRAGMA application_id") == Self.applicationID)
        #expect(try Self.sqlite(path, "SELECT count(*) FROM runs") == "2")
    }

    /// Symbolic links are refused, dangling or not: SQLite would create a dangling link's target with the umask's
    /// mode, or write a database over the empty file a link names.
    @Test func storeThroughASymbolicLinkIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/dangling.sqlite", withDestinationPath: folder.path + "/target.sqlite")
        let dangling = try Self.runSample("dangling.sqlite", in: folder)
        #expect(dangling.status == 73)
        #expect(dangling.stderr.contains("dangling.sqlite is a symbolic link"), "\(dangling.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/target.sqlite"))
        _ = FileManager.default.createFile(atPath: folder.path + "/empty-target", contents: Data())
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/link.sqlite", withDestinationPath: folder.path + "/empty-target")
        #expect(try Self.runSample("link.sqlite", in: folder).status == 73)
        #expect(Self.bytes(folder.path + "/empty-target") == Data())
    }

    @Test func storeFilesAre0600UnderUmask000() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = try BinaryRun.run(
            [
                "run", BinaryRun.packageRoot.appendingPathComponent("SampleData").path, "--store", "s.sqlite",
                "--reports", "out", "--now", "2026-11-25", "--max-reject-rate", "0.5", "--quiet",
            ], in: folder.url, shell: "umask 000")
        #expect(run.status == 0, "\(run.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path + "/s.sqlite")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }
}
