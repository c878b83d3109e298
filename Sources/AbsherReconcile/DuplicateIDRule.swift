import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherSupport

/// Duplicate IDs within a file (contract §4): rows that carry the same ID with identical values are one record,
/// merged once through the first of them (`id.duplicate` on each later one, which becomes its repeat); rows
/// that carry the same ID with different values are all rejected (`id.duplicate-conflict`), and none of them
/// claims the ID.
///
/// It runs first, over the scans alone: which row claims each ID, and its repeats, are what the other rules
/// read (`ReconcileContext`). Groups are found by sorting `IDRow` values (8 bytes a row).
enum DuplicateIDRule {
    /// What the rule settled.
    struct Outcome {
        /// Per kind, the rows that claim their ID.
        var claims: [RecordKind: ClaimTable] = [:]
        /// Per kind, the IDs whose rows differ, ascending.
        var conflicting: [RecordKind: [UInt64]] = [:]
        /// The identical repeats of each claiming row that has some.
        var repeats: [RowRef: [Int32]] = [:]
        var verdicts: Verdicts

        /// Per file of `scans`, its claims and conflicting IDs (nil for an unusable file).
        func claimedIDs(in scans: [FileScan]) -> [Reconciler.ClaimedIDs?] {
            scans.indices.map { file in
                let kind = scans[file].input.kind
                return claims[kind].map {
                    Reconciler.ClaimedIDs(claims: $0.packed, conflicting: conflicting[kind] ?? [])
                }
            }
        }
    }

    static func judge(_ scans: [FileScan]) -> Outcome {
        var outcome = Outcome(verdicts: Verdicts(files: scans.count))
        for file in scans.indices where scans[file].isUsable {
            let table = claims(ofFile: file, in: scans, outcome: &outcome)
            outcome.claims[scans[file].input.kind] = table
        }
        return outcome
    }

    /// The claims of one file: its rows without a field error as sorted `IDRow`, each group of rows sharing an
    /// ID settled, and the claims written over the front of the array as it is walked (never ahead of the
    /// reading).
    private static func claims(ofFile file: Int, in scans: [FileScan], outcome: inout Outcome) -> ClaimTable {
        precondition(scans[file].facts.count < 1 << PackedKey<IDRow>.lowBits, "more than 2^30 rows in one file")
        var packed: [UInt64] = []
        packed.reserveCapacity(scans[file].facts.count)
        for (row, facts) in scans[file].facts.enumerated() where !facts.hasFieldError && facts.id != 0 {
            packed.append(ClaimTable.pack(id: facts.id, row: row))
        }
        packed.sortInPlace()
        var claimCount = 0
        var start = 0
        while start < packed.count {
            let id = ClaimTable.id(packed[start])
            var end = start + 1
            while end < packed.count && ClaimTable.id(packed[end]) == id { end += 1 }
            defer { start = end }
            if end - start > 1 {
                let rows = packed[start..<end].map(ClaimTable.row)
                guard settle(rows, id: id, file: file, in: scans, outcome: &outcome) else { continue }
            }
            packed[claimCount] = packed[start]
            claimCount += 1
        }
        packed.removeLast(packed.count - claimCount)
        var table = ClaimTable()
        table.packed = packed
        return table
    }

    /// Settles the rows of one file that carry `id` (two or more, ascending); returns whether the first claims
    /// the ID.
    private static func settle(
        _ rows: [Int32], id: UInt64, file: Int, in scans: [FileScan], outcome: inout Outcome
    ) -> Bool {
        let kind = scans[file].input.kind
        let conflict = Set(rows.map { scans[file].facts[Int($0)].contentHash }).count > 1
        if conflict {
            let lines = rows.prefix(FindingList.namedLimit).map { Int(scans[file].facts[Int($0)].line) }
            let message = FindingMessage(.idConflict, .count(rows.count), .lines(lines, total: rows.count))
            outcome.conflicting[kind, default: []].append(id)
            for row in rows {
                outcome.verdicts.add(
                    .idDuplicateConflict, RowRef(file: Int32(file), row: row), field: kind.idColumn,
                    value: RowFacts.idText(id),
                    message: message, scans: scans)
            }
            return false
        }
        let firstLine = scans[file].facts[Int(rows[0])].line
        for row in rows.dropFirst() {
            outcome.verdicts.add(
                .idDuplicate, RowRef(file: Int32(file), row: row), field: kind.idColumn, value: RowFacts.idText(id),
                message: FindingMessage(.idRepeat, .line(Int(firstLine))), scans: scans)
            outcome.verdicts.settle(RowRef(file: Int32(file), row: row), .repeatOfEarlier)
        }
        outcome.repeats[RowRef(file: Int32(file), row: rows[0])] = Array(rows.dropFirst())
        return true
    }
}
