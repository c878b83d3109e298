import AbsherRules
import AbsherSchema
import AbsherStore
import AbsherSupport
import CSQLite
import Foundation

/// The `runs`, `run_files` and `run_counts` rows of a run, and the history the reports chart.
package struct RunLog {
    package let database: Database
    package let runRowID: Int64

    package init(database: Database, runRowID: Int64) {
        self.database = database
        self.runRowID = runRowID
    }

    package static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    package func record(_ outcome: RunRecord) throws {
        let update = try database.prepare(
            """
            UPDATE runs SET ended_at = ?, status = ?, exit_code = ?, rows_read = ?, rows_accepted = ?,
                rows_rejected = ?, warnings = ? WHERE id = ?
            """)
        update.bind(Self.timestamp(outcome.endedAt), at: 1)
        update.bind(outcome.status, at: 2)
        update.bind(Int64(outcome.exitCode), at: 3)
        update.bind(Int64(outcome.rowsRead), at: 4)
        update.bind(Int64(outcome.rowsAccepted), at: 5)
        update.bind(Int64(outcome.rowsRejected), at: 6)
        update.bind(Int64(outcome.warnings), at: 7)
        update.bind(runRowID, at: 8)
        try update.run()

        let file = try database.prepare(
            "INSERT INTO run_files (run_id, kind, path, sha256, rows, accepted, rejected, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        )
        for summary in outcome.files {
            file.bind(runRowID, at: 1)
            file.bind(summary.kind.rawValue, at: 2)
            file.bind(summary.path, at: 3)
            file.bind(summary.sha256, at: 4)
            file.bind(Int64(summary.rows), at: 5)
            file.bind(Int64(summary.accepted), at: 6)
            file.bind(Int64(summary.rejected), at: 7)
            file.bind(Int64(summary.warnings), at: 8)
            try file.run()
        }

        let count = try database.prepare("INSERT INTO run_counts (run_id, category, name, count) VALUES (?, ?, ?, ?)")
        func insert(_ category: String, _ name: String, _ value: Int) throws {
            count.bind(runRowID, at: 1)
            count.bind(category, at: 2)
            count.bind(name, at: 3)
            count.bind(Int64(value), at: 4)
            try count.run()
        }
        for (code, value) in outcome.ruleCounts { try insert("rule", code, value) }
        for (kind, value) in outcome.changeCounts { try insert("change", kind, value) }
    }

    /// The last `limit` runs before the run `excluding`, oldest first (the report adds the current run itself),
    /// each with its counts per rule and per change kind.
    package static func history(_ database: Database, limit: Int, excluding runRowID: Int64) throws -> [RunHistoryEntry]
    {
        let statement = try database.prepare(
            """
            SELECT id, run_key, started_at, mode, status, rows_read, rows_accepted, rows_rejected, warnings
            FROM runs WHERE id != ? ORDER BY id DESC LIMIT ?
            """)
        statement.bind(runRowID, at: 1)
        statement.bind(Int64(limit), at: 2)
        var entries: [RunHistoryEntry] = []
        var positions: [Int64: Int] = [:]
        while try statement.step() {
            positions[statement.columnInt(0) ?? 0] = entries.count
            entries.append(
                RunHistoryEntry(
                    runID: statement.columnString(1) ?? "", startedAt: statement.columnString(2) ?? "",
                    mode: statement.columnString(3) ?? "", status: statement.columnString(4) ?? "",
                    rowsRead: Int(statement.columnInt(5) ?? 0), rowsAccepted: Int(statement.columnInt(6) ?? 0),
                    rowsRejected: Int(statement.columnInt(7) ?? 0), warnings: Int(statement.columnInt(8) ?? 0)))
        }
        if let oldest = positions.keys.min() {
            let counts = try database.prepare(
                "SELECT run_id, category, name, count FROM run_counts WHERE run_id >= ? AND run_id != ?")
            counts.bind(oldest, at: 1)
            counts.bind(runRowID, at: 2)
            while try counts.step() {
                guard let position = positions[counts.columnInt(0) ?? 0] else { continue }
                entries[position].addCount(
                    category: counts.columnString(1) ?? "", name: counts.columnString(2) ?? "",
                    count: Int(counts.columnInt(3) ?? 0))
            }
        }
        return entries.reversed()
    }
}
