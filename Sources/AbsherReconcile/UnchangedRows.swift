import AbsherScan
import AbsherSchema

/// The claiming rows of tonight's files whose record the store already holds as it is: active, under the
/// row's ID, with the same content hash (a later night's early comparison, `StoreComparison.Prepared`). The
/// store's record of such a row's person carries the row's very username, e-mail and mobile, so a rule can
/// take the store's answer for it from the row itself. A bit a row.
package struct UnchangedRows: Sendable {
    private let files: [BitSet]
    /// How many rows of citizens.csv and residents.csv are set: the people the store holds unchanged.
    package let people: Int

    /// From the comparisons of the run's files and their kinds, in the order of the scans.
    package init(_ prepared: [StoreComparison.Prepared], kinds: [RecordKind]) {
        files = prepared.map(\.unchangedRows)
        var people = 0
        for (rows, kind) in zip(files, kinds) where kind.isPerson { rows.forEachMember { _ in people += 1 } }
        self.people = people
    }

    func contains(_ ref: RowRef) -> Bool {
        Int(ref.file) < files.count && files[Int(ref.file)].contains(Int(ref.row))
    }
}

/// A store that can say which of tonight's rows it holds unchanged (`UnchangedRows`), once a later night's
/// early comparison has found them; nil when it has not (a first night, `validate`, or a comparison that
/// could not be made).
package protocol KnowsUnchangedRows {
    var unchangedRows: UnchangedRows? { get }
}
