import AbsherSchema
import AbsherSupport
import Synchronization

/// The changes of one run: counted per kind, every one written to `changes.csv` as it happens (a first
/// load of millions of `new` records never sits in memory), the first few kept for the HTML report.
///
/// Sendable by its mutex: a first load logs its `new` records on another thread while the store builds its
/// indexes.
package final class ChangeLog: ChangeSink, Sendable {
    private struct State {
        var counts: [ChangeKind: Int] = [:]
        var kept: [Change] = []
        var total = 0
        var writer: CSVWriter?
    }

    package let keepLimit: Int
    private let masker: PIIMasker
    private let state: Mutex<State>

    package var counts: [ChangeKind: Int] { state.withLock { $0.counts } }
    package var kept: [Change] { state.withLock { $0.kept } }
    package var total: Int { state.withLock { $0.total } }

    /// `path` nil: count and keep only (no changes.csv).
    package init(path: String?, masker: PIIMasker, keepLimit: Int = 1_000) throws {
        self.keepLimit = keepLimit
        self.masker = masker
        var writer: CSVWriter?
        if let path {
            writer = try CSVWriter(path: path)
            try writer?.writeRow(["record_id", "kind", "change", "field", "old_value", "new_value"])
        }
        state = Mutex(State(writer: writer))
    }

    /// Counts `records` records under `kind` without a row (for `unchanged`).
    package func count(_ kind: ChangeKind, _ records: Int = 1) {
        guard records > 0 else { return }
        state.withLock { $0.counts[kind, default: 0] += records }
    }

    /// Records a row of `changes.csv`; `countRecord` counts the record once under this change kind.
    package func add(_ change: Change, countRecord: Bool = true) throws {
        let row = [
            masker.id(change.recordID), change.kind.rawValue, change.change.rawValue, change.field,
            masker.value(change.oldValue, field: change.field), masker.value(change.newValue, field: change.field),
        ]
        try state.withLock { state in
            if countRecord { state.counts[change.change, default: 0] += 1 }
            state.total += 1
            if state.kept.count < keepLimit { state.kept.append(change) }
            try state.writer?.writeRow(row)
        }
    }

    package func close() throws { try state.withLock { try $0.writer?.close() } }
}
