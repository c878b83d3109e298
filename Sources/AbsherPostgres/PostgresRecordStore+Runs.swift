import AbsherSchema
import AbsherStore
import Foundation
import PostgresClient

/// The `runs`, `run_files` and `run_counts` rows of a run, and the history the reports chart: a few rows a
/// run, so a statement each.
extension PostgresRecordStore {
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    package func runExists(_ runID: String) throws -> Bool {
        try connection.cachedStatement("SELECT 1 FROM runs WHERE run_key = $1").execute([runID]).rowCount > 0
    }

    package func beginRun(runID: String, startedAt: Date, runDate: String, mode: RunMode) throws -> Int64 {
        let result = try connection.execute(
            "INSERT INTO runs (run_key, started_at, run_date, mode, status) VALUES ($1, $2, $3, $4, 'failed') RETURNING id",
            parameters: [runID, Self.timestamp(startedAt), runDate, mode.rawValue])
        return try result.int(row: 0, column: 0) ?? 0
    }

    package func finishRun(_ record: RunRecord, runRowID: Int64) throws {
        try connection.execute(
            """
            UPDATE runs SET ended_at = $1, status = $2, exit_code = $3::integer, rows_read = $4::bigint,
                rows_accepted = $5::bigint, rows_rejected = $6::bigint, warnings = $7::bigint WHERE id = $8::bigint
            """,
            parameters: [
                Self.timestamp(record.endedAt), record.status, Int(record.exitCode), record.rowsRead,
                record.rowsAccepted, record.rowsRejected, record.warnings, runRowID,
            ])
        let file = try connection.prepare(
            """
            INSERT INTO run_files (run_id, kind, path, sha256, rows, accepted, rejected, warnings)
            VALUES ($1::bigint, $2, $3, $4, $5::bigint, $6::bigint, $7::bigint, $8::bigint)
            """)
        for summary in record.files {
            try file.execute([
                runRowID, summary.kind.rawValue, summary.path, summary.sha256, summary.rows, summary.accepted,
                summary.rejected, summary.warnings,
            ])
        }
        let count = try connection.prepare(
            "INSERT INTO run_counts (run_id, category, name, count) VALUES ($1::bigint, $2, $3, $4::bigint)")
        for (code, value) in record.ruleCounts { try count.execute([runRowID, "rule", code, value]) }
        for (kind, value) in record.changeCounts { try count.execute([runRowID, "change", kind, value]) }
    }

    package func lastCommittedSHA256() throws -> [RecordKind: String] {
        let statement = try connection.prepare(
            """
            SELECT f.sha256 FROM run_files f JOIN runs r ON r.id = f.run_id
            WHERE r.status = 'committed' AND f.kind = $1 AND f.sha256 IS NOT NULL AND f.sha256 != ''
            ORDER BY r.id DESC LIMIT 1
            """)
        var found: [RecordKind: String] = [:]
        for kind in RecordKind.allCases {
            let result = try statement.execute([kind.rawValue])
            if result.rowCount > 0, let sha256 = result.string(row: 0, column: 0) { found[kind] = sha256 }
        }
        return found
    }

    /// The last `limit` runs other than `runRowID`, oldest first, each with its counts per rule and change kind.
    package func history(limit: Int, excluding runRowID: Int64) throws -> [RunHistoryEntry] {
        let result = try connection.execute(
            """
            SELECT id, run_key, started_at, mode, status, rows_read, rows_accepted, rows_rejected, warnings
            FROM runs WHERE id != $1::bigint ORDER BY id DESC LIMIT $2::bigint
            """, parameters: [runRowID, limit])
        var entries: [RunHistoryEntry] = []
        var positions: [Int64: Int] = [:]
        for row in result.rows {
            positions[try row.int(0) ?? 0] = entries.count
            entries.append(
                RunHistoryEntry(
                    runID: row.string(1) ?? "", startedAt: row.string(2) ?? "", mode: row.string(3) ?? "",
                    status: row.string(4) ?? "", rowsRead: Int(try row.int(5) ?? 0),
                    rowsAccepted: Int(try row.int(6) ?? 0), rowsRejected: Int(try row.int(7) ?? 0),
                    warnings: Int(try row.int(8) ?? 0)))
        }
        if let oldest = positions.keys.min() {
            let counts = try connection.execute(
                "SELECT run_id, category, name, count FROM run_counts WHERE run_id >= $1::bigint AND run_id != $2::bigint",
                parameters: [oldest, runRowID])
            for row in counts.rows {
                guard let position = positions[try row.int(0) ?? 0] else { continue }
                entries[position].addCount(
                    category: row.string(1) ?? "", name: row.string(2) ?? "", count: Int(try row.int(3) ?? 0))
            }
        }
        return entries.reversed()
    }
}
