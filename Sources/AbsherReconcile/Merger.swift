import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// Applies accepted records to the store and names each change (contract §5 The store and the merge).
package struct Merger {
    package let store: any RecordWriter
    package let runRowID: Int64
    package let log: any ChangeSink

    package init(store: any RecordWriter, runRowID: Int64, log: any ChangeSink) {
        self.store = store
        self.runRowID = runRowID
        self.log = log
    }

    /// Inserts, updates, reactivates or leaves alone one accepted record.
    package func merge(_ record: CanonicalRecord) throws {
        let hash = record.contentHash
        guard let stored = try store.find(record.kind, id: record.id, unlessHash: hash) else {
            try store.insert(record, runRowID: runRowID)
            try note(Change(recordID: record.id, kind: record.kind, change: .new))
            return
        }
        guard let old = stored.record else {
            // Same content hash: nothing to compare field by field.
            if stored.active {
                log.count(.unchanged, 1)
            } else {
                try store.setActive(true, kind: record.kind, id: record.id, runRowID: runRowID)
                try note(Change(recordID: record.id, kind: record.kind, change: .reactivated))
            }
            return
        }
        if !stored.active {
            try note(Change(recordID: record.id, kind: record.kind, change: .reactivated))
        }
        var kinds: Set<ChangeKind> = []
        for (index, field) in record.kind.fields.enumerated() where old.values[index] != record.values[index] {
            let kind = Self.classify(field, old: old, new: record)
            try note(
                Change(
                    recordID: record.id, kind: record.kind, change: kind, field: field.rawValue,
                    oldValue: old.values[index] ?? "", newValue: record.values[index] ?? ""),
                countRecord: kinds.insert(kind).inserted)
        }
        if kinds.isEmpty && stored.active { log.count(.unchanged, 1) }
        try store.update(record, runRowID: runRowID)
    }

    /// Keeps a change in the store's history and in the run's change log. A `new` record's history entry
    /// is its `first_run_id`: a first load of millions of records writes no `changes` row for each.
    private func note(_ change: Change, countRecord: Bool = true) throws {
        if change.change != .new { try store.recordChange(change, runRowID: runRowID) }
        try log.add(change, countRecord: countRecord)
    }

    /// The named update a field change is, or `updated`.
    package static func classify(_ field: Field, old: CanonicalRecord, new: CanonicalRecord) -> ChangeKind {
        switch field {
        case .sponsorID:
            return .sponsorTransfer
        case .documentExpiry:
            if let before = old[.documentExpiry], let after = new[.documentExpiry], after > before {
                return .documentRenewed
            }
            return .updated
        case .mobile where old.kind.isPerson:
            return old[.username] != nil || new[.username] != nil ? .recoveryContactChanged : .updated
        default:
            return .updated
        }
    }

    /// Snapshot mode: the active records of `kind` that this run's file does not carry (`absent`, in ID
    /// order) become inactive, except those in `kept` (sponsors whose residents still name them), which
    /// are reported `missing`. Returns how many were deactivated.
    package func deactivate(_ absent: [String], kind: RecordKind, kept: Set<String>) throws -> Int {
        var deactivated = 0
        for id in absent {
            if kept.contains(id) {
                try note(Change(recordID: id, kind: kind, change: .missing))
            } else {
                try store.setActive(false, kind: kind, id: id, runRowID: runRowID)
                try note(Change(recordID: id, kind: kind, change: .deactivated))
                deactivated += 1
            }
        }
        return deactivated
    }
}
