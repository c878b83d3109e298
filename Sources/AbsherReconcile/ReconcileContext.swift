import AbsherScan
import AbsherSchema
import AbsherStore

/// What every `CrossRowRule` reads (contract §4), once `DuplicateIDRule` has settled which row claims each ID:
/// the run's scans, the claims and their identical repeats, the store's knowledge and the options. Read
/// only: the rules on two threads share it (it is `Sendable`: the store, which is confined to the run's thread,
/// is handed to the rules that ask it, not kept here), and none copies the rows' facts.
struct ReconcileContext: Sendable {
    let scans: [FileScan]
    let options: ReconcileOptions
    /// Per kind, the rows that claim their ID.
    let claims: [RecordKind: ClaimTable]
    /// The identical repeats (rows of the same file) of each claiming row that has some.
    let repeats: [RowRef: [Int32]]
    /// Per kind, the IDs whose rows differ (`id.duplicate-conflict`: none of them claims), ascending.
    let conflicting: [RecordKind: [UInt64]]
    /// The index of each kind's file in `scans`.
    let fileOf: [RecordKind: Int32]
    /// How many rows of citizens.csv and residents.csv claim their ID.
    let personCount: Int
    /// The claiming rows of citizens.csv, then of residents.csv, each a bit (`forEachPerson`).
    private let personRows: [(file: Int32, rows: BitSet)]

    init(
        scans: [FileScan], options: ReconcileOptions, claims: [RecordKind: ClaimTable], repeats: [RowRef: [Int32]],
        conflicting: [RecordKind: [UInt64]] = [:]
    ) {
        self.scans = scans
        self.options = options
        self.claims = claims
        self.repeats = repeats
        self.conflicting = conflicting
        fileOf = Dictionary(uniqueKeysWithValues: scans.indices.map { (scans[$0].input.kind, Int32($0)) })
        personCount = (claims[.citizen]?.packed.count ?? 0) + (claims[.resident]?.packed.count ?? 0)
        var personRows: [(file: Int32, rows: BitSet)] = []
        for kind in [RecordKind.citizen, .resident] {
            guard let file = fileOf[kind], let table = claims[kind] else { continue }
            var rows = BitSet(count: scans[Int(file)].facts.count)
            for packed in table.packed { rows.insert(Int(ClaimTable.row(packed))) }
            personRows.append((file, rows))
        }
        self.personRows = personRows
    }

    func facts(_ ref: RowRef) -> RowFacts { scans[Int(ref.file)].facts[Int(ref.row)] }

    /// The text `text` of the row `ref` refers to.
    func string(_ text: TextRef, of ref: RowRef) -> String { scans[Int(ref.file)].arena.string(text) }

    /// The claiming row of a citizen or resident with this ID, if any.
    func personClaim(_ id: UInt64) -> RowRef? {
        for kind in [RecordKind.citizen, .resident] {
            if let row = claims[kind]?.row(of: id), let file = fileOf[kind] { return RowRef(file: file, row: row) }
        }
        return nil
    }

    /// Calls `body` with every claiming row of `kind` and its ID, in ID order.
    func forEachClaim(of kind: RecordKind, _ body: (_ ref: RowRef, _ id: UInt64) throws -> Void) rethrows {
        guard let file = fileOf[kind], let table = claims[kind] else { return }
        for packed in table.packed { try body(RowRef(file: file, row: ClaimTable.row(packed)), ClaimTable.id(packed)) }
    }

    /// Calls `body` with every claiming row of citizens.csv, then of residents.csv, each file's in row order:
    /// the rows' facts and texts are then read in the order they lie in memory, not at random as in ID order.
    func forEachPerson(_ body: (_ ref: RowRef) -> Void) {
        for (file, rows) in personRows {
            rows.forEachMember { row in body(RowRef(file: file, row: Int32(row))) }
        }
    }
}
