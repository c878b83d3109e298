import AbsherReports
import AbsherStore

extension RunOutcome {
    /// What the store keeps of this run.
    var runRecord: RunRecord {
        RunRecord(
            endedAt: endedAt, status: status.rawValue, exitCode: exitStatus.rawValue,
            files: files.map {
                RunRecord.File(
                    kind: $0.input.kind, path: $0.input.path, sha256: $0.sha256, rows: $0.rows, accepted: $0.accepted,
                    rejected: $0.rejected, warnings: $0.warnings)
            },
            ruleCounts: ruleCounts.sorted { $0.key < $1.key }.map { ($0.key.code, $0.value) },
            changeCounts: changeCounts.sorted { $0.key < $1.key }.map { ($0.key.rawValue, $0.value) })
    }
}
