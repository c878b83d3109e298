/// One file's accepted rows set against the store's records of its kind, in one ordered pass over each
/// (a merge join on the ID): which rows the store already holds exactly (no need to read them again),
/// which must be merged, and which active records the file no longer carries.
///
/// This is what makes a night with few changes cheap: an unchanged row costs a comparison of two 64-bit
/// content hashes, never a second validation or a field-by-field comparison.
struct StoreComparison {
    /// Rows (ascending indexes) that are new, changed or inactive in the store.
    var needsMerge: [Int32] = []
    /// Accepted rows whose record the store holds, active and identical.
    var unchanged = 0
    /// Active records of the kind whose ID no row of the file carries (accepted or not), in ID order.
    var absentActive: [String] = []
    /// Active records of the kind before the run (the base of `--max-deactivate-rate`).
    var activeBefore = 0

    init(_ scan: FileScan, store: RecordStore) throws {
        let facts = scan.facts
        // Rows to merge, and every ID the file carries, both in ID order.
        var candidates: [(id: UInt64, row: Int32)] = []
        candidates.reserveCapacity(facts.count)
        var present: [UInt64] = []
        present.reserveCapacity(facts.count)
        for (row, fact) in facts.enumerated() where fact.id != 0 {
            present.append(fact.id)
            if fact.disposition == .merge { candidates.append((fact.id, Int32(row))) }
        }
        candidates.sort { $0.id < $1.id }
        present.sort()

        var candidate = 0
        var presentIndex = 0
        try store.forEachStored(scan.input.kind) { id, active, hash in
            while candidate < candidates.count && candidates[candidate].id < id {
                needsMerge.append(candidates[candidate].row)
                candidate += 1
            }
            if active { activeBefore += 1 }
            if candidate < candidates.count && candidates[candidate].id == id {
                let row = candidates[candidate].row
                if active && facts[Int(row)].contentHash == hash {
                    unchanged += 1
                } else {
                    needsMerge.append(row)
                }
                candidate += 1
            } else if active {
                while presentIndex < present.count && present[presentIndex] < id { presentIndex += 1 }
                if presentIndex == present.count || present[presentIndex] != id {
                    absentActive.append(RowFacts.idText(id))
                }
            }
        }
        while candidate < candidates.count {
            needsMerge.append(candidates[candidate].row)
            candidate += 1
        }
        needsMerge.sort()
    }
}
