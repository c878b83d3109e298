import AbsherRules
import AbsherScan
import AbsherSchema

/// The rows of one file that carry a valid ID but claim it not (contract §4.2: a row rejected for its own
/// fields, or one of an `id.duplicate-conflict`), as sorted `IDRow` (`id << 30 | row`): what a finding that
/// follows from such a row's rejection names (contract §4.6). 8 bytes a rejected row, built on the first
/// question only, each question one lower-bound search.
struct UnclaimedRows {
    private let file: Int32
    private var packed: [UInt64] = []

    /// The first row (lowest line) of a file that carries an ID it does not claim, and the rule that rejected it.
    struct Row {
        var ref: RowRef
        var line: Int
        var rule: RuleCode
    }

    init(file: Int32, context: ReconcileContext) {
        self.file = file
        let scan = context.scans[Int(file)]
        let conflicting = context.conflicting[scan.input.kind] ?? []
        for (row, facts) in scan.facts.enumerated() where facts.id != 0 {
            guard facts.hasFieldError || Self.contains(conflicting, facts.id) else { continue }
            packed.append(ClaimTable.pack(id: facts.id, row: row))
        }
        packed.sortInPlace()
    }

    /// The first row of the file that carries `id` without claiming it, if any.
    func row(of id: UInt64, in context: ReconcileContext) -> Row? {
        guard let index = ClaimTable.Key.firstIndex(of: id, in: packed) else { return nil }
        let ref = RowRef(file: file, row: ClaimTable.row(packed[index]))
        let facts = context.facts(ref)
        return Row(ref: ref, line: Int(facts.line), rule: facts.fieldError ?? .idDuplicateConflict)
    }

    private static func contains(_ sorted: [UInt64], _ id: UInt64) -> Bool {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == id
    }
}
