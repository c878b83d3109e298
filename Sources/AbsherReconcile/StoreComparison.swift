import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// One file's accepted rows set against the store's records of its kind, in one pass over the store's
/// records (in whatever order the store gives them) with a binary search of each in the file's IDs: which
/// rows the store already holds exactly (no need to read them again), which must be merged, and which
/// active records the file no longer carries.
///
/// This is what makes a night with few changes cheap: an unchanged row costs a search and a comparison of
/// two 64-bit content hashes, never a second validation or a field-by-field comparison. Beyond the file's
/// IDs, sorted, it keeps one bit per row (whether the store holds it unchanged), whatever the store's size.
package struct StoreComparison {
    /// Rows (ascending indexes) that are new, changed or inactive in the store.
    package var needsMerge: [Int32] = []
    /// Accepted rows whose record the store holds, active and identical.
    package var unchanged = 0
    /// Active records of the kind whose ID no row of the file carries (accepted or not), in ID order.
    package var absentActive: [String] = []
    /// Active records of the kind before the run (the base of `--max-deactivate-rate`).
    package var activeBefore = 0

    /// Against an empty store: every row to merge is new.
    package init(firstLoadOf facts: ChunkedArray<RowFacts>) {
        for (row, fact) in facts.enumerated() where fact.id != 0 && fact.disposition == .merge {
            needsMerge.append(Int32(row))
        }
    }

    package init(_ scan: FileScan, store: any StoredRecords) throws {
        try self.init(facts: scan.facts) { body in try store.forEachStored(scan.input.kind, body) }
    }

    /// Compares `facts` (a file's rows, reconciled) with the records `forEachStored` gives (ID as a
    /// number, active, content hash; any order, each ID at most once).
    package init(
        facts: ChunkedArray<RowFacts>,
        forEachStored: ((UInt64, Bool, UInt64) throws -> Void) throws -> Void
    ) throws {
        self.init(try Prepared(facts: facts, forEachStored: forEachStored), facts: facts)
    }

    /// Settles the comparison with the reconciler's verdicts: of the rows `prepared` compared, those still
    /// to merge are new or changed, or unchanged.
    package init(_ prepared: Prepared, facts: ChunkedArray<RowFacts>) {
        activeBefore = prepared.activeBefore
        absentActive = prepared.absentActive
        for (index, candidate) in prepared.candidates.enumerated() {
            let row = ClaimTable.row(candidate)
            guard facts[Int(row)].disposition == .merge else { continue }
            if prepared.same.contains(index) {
                unchanged += 1
            } else {
                needsMerge.append(row)
            }
        }
        needsMerge.sort()
    }

    /// The part of the comparison that does not depend on the reconciler (which only ever turns rows to
    /// merge into rejects): every row that passed the field rules set against the store. It can run on
    /// another connection while the reconciler works (`ImportRun`), the store being unchanged until then.
    ///
    /// 8 bytes a row (and a bit): at 10M rows it lives beside the reconciler's own tables.
    package struct Prepared: Sendable {
        /// The rows that passed the field rules as `IDRow` (`id << 30 | row`), sorted (rows sharing an ID side by
        /// side).
        fileprivate var candidates: [UInt64] = []
        /// Per candidate: the store holds its ID, active, with the same content hash.
        fileprivate var same: BitSet
        package var absentActive: [String] = []
        /// The active stored records whose IDs no row of the file claims (`absentActive`, and those whose rows
        /// all fail a rule), in ID order: for a person kind, the store's side of the matcher (contract §4b).
        package var unclaimedActive: [UInt64] = []
        package var activeBefore = 0
        /// How many rows the file has.
        fileprivate var rowCount = 0

        /// The rows whose record the store holds as it is (active, under their ID, with the same content
        /// hash), one bit a row of the file.
        var unchangedRows: BitSet {
            var rows = BitSet(count: rowCount)
            same.forEachMember { rows.insert(Int(ClaimTable.row(candidates[$0]))) }
            return rows
        }

        /// `claimed`: the rows that may be merged, at most one per ID, and the IDs whose rows conflict
        /// (`Reconciler.reconcile(onClaims:)`); nil: every row that passed the field rules may be merged.
        package init(
            facts: ChunkedArray<RowFacts>, claimed: Reconciler.ClaimedIDs? = nil,
            forEachStored: ((UInt64, Bool, UInt64) throws -> Void) throws -> Void
        ) throws {
            var builder = Builder(facts: facts, claimed: claimed)
            try forEachStored { id, active, hash in builder.visit(id: id, active: active, hash: hash) }
            self = builder.finish()
        }

        fileprivate init() { same = BitSet(count: 0) }

        /// A `Prepared` made one stored record at a time (`visit`), for a pass of the store that serves several
        /// files at once (citizens and residents share a table).
        package struct Builder {
            private let facts: ChunkedArray<RowFacts>
            private let candidates: [UInt64]
            private let others: [UInt64]
            private let candidateDirectory: IDDirectory
            private let otherDirectory: IDDirectory
            private var same: BitSet
            private var absent: [UInt64] = []
            private var unclaimed: [UInt64] = []
            private var activeBefore = 0

            package init(facts: ChunkedArray<RowFacts>, claimed: Reconciler.ClaimedIDs? = nil) {
                precondition(facts.count < 1 << PackedKey<IDRow>.lowBits, "more than 2^30 rows in one file")
                // Rows that may be merged, and the IDs of the other rows that carry one, both in ID order.
                var candidates: [UInt64] = []
                var others: [UInt64] = []
                if let claimed {
                    // Every other row that carries an ID has a field error, repeats a claim, or conflicts.
                    candidates = claimed.claims
                    others = claimed.conflicting
                    for fact in facts where fact.id != 0 && fact.hasFieldError { others.append(fact.id) }
                } else {
                    candidates.reserveCapacity(facts.count)
                    for (row, fact) in facts.enumerated() where fact.id != 0 {
                        if fact.disposition == .merge {
                            candidates.append(ClaimTable.pack(id: fact.id, row: row))
                        } else {
                            others.append(fact.id)
                        }
                    }
                    candidates.sortInPlace()
                }
                others.sortInPlace()
                self.facts = facts
                self.candidates = candidates
                self.others = others
                same = BitSet(count: candidates.count)
                candidateDirectory = IDDirectory(count: candidates.count) { ClaimTable.id(candidates[$0]) }
                otherDirectory = IDDirectory(count: others.count) { others[$0] }
            }

            /// One stored record of the file's kind: its ID as a number, whether it is active, its content hash.
            package mutating func visit(id: UInt64, active: Bool, hash: UInt64) {
                if active { activeBefore += 1 }
                if var candidate = PackedKey<IDRow>.firstIndex(
                    of: id, in: candidates, within: candidateDirectory.range(of: id))
                {
                    // Every row with this ID (the reconciler keeps at most one of them).
                    while candidate < candidates.count && ClaimTable.id(candidates[candidate]) == id {
                        if active && facts[Int(ClaimTable.row(candidates[candidate]))].contentHash == hash {
                            same.insert(candidate)
                        }
                        candidate += 1
                    }
                } else if active {
                    unclaimed.append(id)
                    if PackedKey<BareID>.firstIndex(of: id, in: others, within: otherDirectory.range(of: id)) == nil {
                        absent.append(id)
                    }
                }
            }

            /// The comparison, once every stored record of the kind has been visited.
            package consuming func finish() -> Prepared {
                var prepared = Prepared()
                absent.sort()
                unclaimed.sort()
                prepared.unclaimedActive = unclaimed
                prepared.candidates = candidates
                prepared.same = same
                prepared.activeBefore = activeBefore
                prepared.rowCount = facts.count
                prepared.absentActive = absent.map(RowFacts.idText)
                return prepared
            }
        }
    }

}
