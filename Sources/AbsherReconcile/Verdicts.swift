import AbsherRules
import AbsherScan
import AbsherSchema

/// What a rule across rows found, as a value: findings per file, and the dispositions it settles, in the order
/// it reached them. The reconciler appends the verdicts of its rules in a fixed order and writes the
/// dispositions in that order at the end: a row repeated and then rejected ends rejected.
struct Verdicts {
    /// Per file (the index of its scan), the findings to add to it.
    private(set) var added: [[Finding]]
    /// As `RowVerdict` (`file << 32 | row << 2 | disposition`), in the order they were reached.
    private(set) var dispositions: [UInt64] = []
    /// Per file, the pairs of the matcher whose run record is in it (contract §4b), in ID order.
    private(set) var matches: [[PersonMatch]]
    /// The matcher's blocks that were too large to pair on.
    private(set) var oversizedBlocks = 0

    init(files: Int) {
        added = Array(repeating: [], count: files)
        matches = Array(repeating: [], count: files)
    }

    /// The matcher's pairs, each on the file of its run record.
    mutating func matchesFound(_ found: [PersonMatch], scans: [FileScan], oversizedBlocks: Int) {
        self.oversizedBlocks += oversizedBlocks
        for match in found {
            guard let file = scans.firstIndex(where: { $0.input.kind == match.record.kind }) else { continue }
            matches[file].append(match)
        }
        for file in matches.indices {
            matches[file].sort { ($0.record.id, $0.other.id) < ($1.record.id, $1.other.id) }
        }
    }

    /// A finding on the row `ref`; a finding of an error rejects the row.
    mutating func add(
        _ rule: RuleCode, _ ref: RowRef, field: Column?, value: String, message: FindingMessage, scans: [FileScan]
    ) {
        let file = Int(ref.file)
        let facts = scans[file].facts[Int(ref.row)]
        added[file].append(
            Finding(
                file: scans[file].input.name, line: Int(facts.line), recordID: RowFacts.idText(facts.id),
                field: field?.rawValue ?? "", rule: rule, message: message, value: value))
        if rule.severity == .error { settle(ref, .rejected) }
    }

    /// A finding on the claiming row `ref` and on each of its identical repeats, which share its fate.
    mutating func addToClaim(
        _ ref: RowRef, _ rule: RuleCode, field: Column?, value: String, message: FindingMessage,
        in context: ReconcileContext
    ) {
        add(rule, ref, field: field, value: value, message: message, scans: context.scans)
        for row in context.repeats[ref] ?? [] {
            add(
                rule, RowRef(file: ref.file, row: row), field: field, value: value, message: message,
                scans: context.scans)
        }
    }

    mutating func settle(_ ref: RowRef, _ disposition: RowFacts.Disposition) {
        dispositions.append(PackedKey<RowVerdict>.pack(ref.packed, UInt64(disposition.rawValue)))
    }

    /// `other`'s findings after these, and its dispositions after these.
    mutating func append(_ other: Verdicts) {
        for file in added.indices { added[file] += other.added[file] }
        dispositions += other.dispositions
        for file in matches.indices { matches[file] += other.matches[file] }
        oversizedBlocks += other.oversizedBlocks
    }

    /// Calls `body` with each settled disposition, in the order reached.
    func forEachDisposition(_ body: (_ ref: RowRef, _ disposition: RowFacts.Disposition) -> Void) {
        for verdict in dispositions {
            body(
                RowRef(packed: PackedKey<RowVerdict>.high(verdict)),
                RowFacts.Disposition(rawValue: UInt8(PackedKey<RowVerdict>.low(verdict)))!)
        }
    }
}
