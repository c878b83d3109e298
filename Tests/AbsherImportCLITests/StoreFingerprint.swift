import Foundation

/// The state of a store as one hash, through the `sqlite3` shell and `absher-import export`: the exported
/// active records and every table in key order, without the columns that hold wall-clock times (`runs.run_key`,
/// `started_at`, `ended_at`), so two stores that saw the same runs hash alike.
enum StoreFingerprint {
    /// Whether the `sqlite3` shell is on the PATH (tests that need it are skipped without it).
    static let sqliteShellExists: Bool = {
        (try? shell("command -v sqlite3 >/dev/null").status) == 0
    }()

    /// The hash of the store at `store`; `recordsOnly` leaves out the run tables and the change history.
    static func of(_ store: String, recordsOnly: Bool = false) throws -> String {
        let runs =
            recordsOnly
            ? ""
            : """
            SELECT id, run_date, mode, status, exit_code, rows_read, rows_accepted, rows_rejected, warnings
              FROM runs ORDER BY id;
            SELECT * FROM run_files ORDER BY run_id, path;
            SELECT * FROM run_counts ORDER BY run_id, category, name;
            SELECT * FROM changes ORDER BY id;
            """
        let exportFolder = store + ".export-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: exportFolder) }
        let export = try BinaryRun.run(["export", "--store", store, "--out", exportFolder])
        guard export.status == 0 else { return "export failed: \(export.status) \(export.stderr)" }
        let sql = runs + "SELECT * FROM people ORDER BY id; SELECT * FROM sponsors ORDER BY id;"
        let result = try shell(
            "{ cat \"$1\"/*.csv && sqlite3 \"$2\" \"$3\"; } | sha256sum", exportFolder, store, sql)
        return String(result.stdout.prefix(64))
    }

    /// `PRAGMA integrity_check` of the store: "ok" when it is sound.
    static func integrity(of store: String) throws -> String {
        try shell("sqlite3 \"$1\" 'PRAGMA integrity_check'", store).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `/bin/sh -c script` with `arguments` as `$1`, `$2`...: exit status and stdout.
    static func shell(_ script: String, _ arguments: String...) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh"] + arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sh-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: output), as: UTF8.self))
    }
}
