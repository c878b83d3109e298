import Foundation
import PostgresClient

/// A PostgreSQL test database as a `StoreUnderTest`: copied with `CREATE DATABASE … TEMPLATE`, checked
/// with `amcheck` (every B-tree index against its table).
extension PostgresTestDatabase: StoreUnderTest {
    var location: String { uri }

    func copy() throws -> any StoreUnderTest { try PostgresTestDatabase(copying: self) }

    /// The hash of `absher-import export`'s files (or why it failed) and the tables' rows.
    func fingerprint(recordsOnly: Bool) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = try BinaryRun.run(["export", "--store", uri, "--out", folder.path])
        guard export.status == 0 else { return "export failed: \(export.status) \(export.stderr)" }
        var exported = ""
        for name in ["citizens.csv", "residents.csv", "sponsors.csv"] {
            exported += String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
        }
        return exported + "\n==\n" + (try tableFingerprint(recordsOnly: recordsOnly))
    }

    /// `bt_index_check(index, heapallindexed)` of every index of the store's tables: "ok", or the error.
    func soundness() throws -> String {
        let connection = try connect()
        defer { connection.close() }
        try connection.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
        let indexes = try connection.execute(
            """
            SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE a.amname = 'btree' AND n.nspname = 'public' ORDER BY 1
            """
        ).rows.compactMap { $0.string(0) }
        guard !indexes.isEmpty else { return "no index" }
        do {
            for index in indexes {
                try connection.execute("SELECT bt_index_check($1::regclass, true)", parameters: [index])
            }
        } catch {
            return "\(error)"
        }
        return "ok"
    }

    func remove() { drop() }
}
