import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// The changes of one run: counted per kind, every one written to `changes.csv` as it happens (a first
/// load of millions of `new` records never sits in memory), the first few kept for the HTML report.
package final class ChangeLog: ChangeSink {
    package private(set) var counts: [ChangeKind: Int] = [:]
    package private(set) var kept: [Change] = []
    package private(set) var total = 0
    package let keepLimit: Int
    private let writer: CSVWriter?
    private let masker: PIIMasker

    /// `path` nil: count and keep only (no changes.csv).
    package init(path: String?, masker: PIIMasker, keepLimit: Int = 1_000) throws {
        self.keepLimit = keepLimit
        self.masker = masker
        if let path {
            writer = try CSVWriter(path: path)
            try writer?.writeRow(["record_id", "kind", "change", "field", "old_value", "new_value"])
        } else {
            writer = nil
        }
    }

    /// Counts `records` records under `kind` without a row (for `unchanged`).
    package func count(_ kind: ChangeKind, _ records: Int = 1) {
        guard records > 0 else { return }
        counts[kind, default: 0] += records
    }

    /// Records a row of `changes.csv`; `countRecord` counts the record once under this change kind.
    package func add(_ change: Change, countRecord: Bool = true) throws {
        if countRecord { counts[change.change, default: 0] += 1 }
        total += 1
        if kept.count < keepLimit { kept.append(change) }
        try writer?.writeRow([
            masker.id(change.recordID), change.kind.rawValue, change.change.rawValue, change.field,
            masker.value(change.oldValue, field: change.field), masker.value(change.newValue, field: change.field),
        ])
    }

    package func close() throws { try writer?.close() }
}
