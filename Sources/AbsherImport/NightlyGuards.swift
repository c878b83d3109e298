import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// The two warnings that catch a nightly job gone wrong without a bad row (contract §7): a register
/// missing from a snapshot run (`file.kind-missing`) and an export byte for byte the one the last
/// committed run read (`file.same-as-last-run`).
enum NightlyGuards {
    /// One `file.kind-missing` finding per kind without a file, for a `run` in snapshot mode; none otherwise
    /// (a delta run names only what changed, and `validate` never compares with the store).
    static func missingKindFindings(_ options: RunOptions) -> [Finding] {
        guard options.command == .run, options.mode == .snapshot else { return [] }
        let given = Set(options.inputs.map(\.kind))
        return RecordKind.allCases.filter { !given.contains($0) }.map { kind in
            Finding(
                file: "", line: nil, rule: .fileKindMissing,
                message: FindingMessage(.fileKindMissing, .code(kind.filePrefix + "*.csv")), value: kind.filePrefix)
        }
    }

    /// Adds `file.same-as-last-run` to each scan whose file has the SHA-256 the last committed run read for
    /// its kind.
    static func markRepeatedFiles(_ scans: inout [FileScan], store: any RunStore) throws {
        let last = try store.lastCommittedSHA256()
        for index in scans.indices {
            let scan = scans[index]
            guard !scan.sha256.isEmpty, last[scan.input.kind] == scan.sha256 else { continue }
            scans[index].findings.append(
                Finding(
                    file: scan.input.name, line: nil, rule: .fileSameAsLastRun,
                    message: FindingMessage(.fileSameAsLastRun, .code(String(scan.sha256.prefix(12))))))
        }
    }
}
