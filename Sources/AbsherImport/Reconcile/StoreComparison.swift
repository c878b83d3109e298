/// One file's accepted rows set against the store's records of its kind, in one pass over the store's
/// records (in whatever order the store gives them) with a binary search of each in the file's IDs: which
/// rows the store already holds exactly (no need to read them again), which must be merged, and which
/// active records the file no longer carries.
///
/// This is what makes a night with few changes cheap: an unchanged row costs a search and a comparison of
/// two 64-bit content hashes, never a second validation or a field-by-field comparison. Beyond the file's
/// IDs, sorted, it keeps one bit per row (whether the store holds it unchanged), whatever the store's size.
struct StoreComparison {
    /// Rows (ascending indexes) that are new, changed or inactive in the store.
    var needsMerge: [Int32] = []
    /// Accepted rows whose record the store holds, active and identical.
    var unchanged = 0
    /// Active records of the kind whose ID no row of the file carries (accepted or not), in ID order.
    var absentActive: [String] = []
    /// Active records of the kind before the run (the base of `--max-deactivate-rate`).
    var activeBefore = 0

    /// Against an empty store: every row to merge is new.
    init(firstLoadOf facts: ChunkedArray<RowFacts>) {
        for (row, fact) in facts.enumerated() where fact.id != 0 && fact.disposition == .merge {
            needsMerge.append(Int32(row))
        }
    }

    init(_ scan: FileScan, store: RecordStore) throws {
        try self.init(facts: scan.facts) { body in try store.forEachStored(scan.input.kind, body) }
    }

    /// Compares `facts` (a file's rows, reconciled) with the records `forEachStored` gives (ID as a
    /// number, active, content hash; any order, each ID at most once).
    init(
        facts: ChunkedArray<RowFacts>,
        forEachStored: ((UInt64, Bool, UInt64) throws -> Void) throws -> Void
    ) throws {
        self.init(try Prepared(facts: facts, forEachStored: forEachStored), facts: facts)
    }

    /// Settles the comparison with the reconciler's verdicts: of the rows `prepared` compared, those still
    /// to merge are new or changed, or unchanged.
    init(_ prepared: Prepared, facts: ChunkedArray<RowFacts>) {
        activeBefore = prepared.activeBefore
        absentActive = prepared.absentActive
        for (index, candidate) in prepared.candidates.enumerated() {
            let row = Prepared.row(candidate)
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
    struct Prepared: Sendable {
        /// The rows that passed the field rules as `id << 30 | row`, sorted (rows sharing an ID side by side).
        fileprivate var candidates: [UInt64] = []
        /// Per candidate: the store holds its ID, active, with the same content hash.
        fileprivate var same: BitSet
        var absentActive: [String] = []
        var activeBefore = 0

        fileprivate static func id(_ packed: UInt64) -> UInt64 { packed >> 30 }
        fileprivate static func row(_ packed: UInt64) -> Int32 { Int32(truncatingIfNeeded: packed & (1 << 30 - 1)) }

        /// `claims`: the rows that may be merged as sorted `id << 30 | row`, at most one per ID (the
        /// reconciler's claim table, `Reconciler.reconcile(onClaims:)`); nil: every row that passed the
        /// field rules.
        init(
            facts: ChunkedArray<RowFacts>, claims: [UInt64]? = nil,
            forEachStored: ((UInt64, Bool, UInt64) throws -> Void) throws -> Void
        ) throws {
            precondition(facts.count < 1 << 30, "more than 2^30 rows in one file")
            // Rows that may be merged, and the IDs of the other rows that carry one, both in ID order.
            var candidates: [UInt64] = []
            var others: [UInt64] = []
            if let claims {
                candidates = claims
                for (row, fact) in facts.enumerated() where fact.id != 0 {
                    let packed = fact.id << 30 | UInt64(row)
                    if fact.disposition != .merge
                        || StoreComparison.firstIndex(of: packed, in: claims.count, { claims[$0] }) == nil
                    {
                        others.append(fact.id)
                    }
                }
            } else {
                candidates.reserveCapacity(facts.count)
                for (row, fact) in facts.enumerated() where fact.id != 0 {
                    if fact.disposition == .merge {
                        candidates.append(fact.id << 30 | UInt64(row))
                    } else {
                        others.append(fact.id)
                    }
                }
                candidates.sortInPlace()
            }
            others.sortInPlace()

            var same = BitSet(count: candidates.count)
            var absent: [UInt64] = []
            var activeBefore = 0
            try forEachStored { id, active, hash in
                if active { activeBefore += 1 }
                if var candidate = StoreComparison.firstIndex(of: id, in: candidates.count, { Self.id(candidates[$0]) })
                {
                    // Every row with this ID (the reconciler keeps at most one of them).
                    while candidate < candidates.count && Self.id(candidates[candidate]) == id {
                        if active && facts[Int(Self.row(candidates[candidate]))].contentHash == hash {
                            same.insert(candidate)
                        }
                        candidate += 1
                    }
                } else if active && StoreComparison.firstIndex(of: id, in: others.count, { others[$0] }) == nil {
                    absent.append(id)
                }
            }
            absent.sort()
            self.candidates = candidates
            self.same = same
            self.activeBefore = activeBefore
            absentActive = absent.map(RowFacts.idText)
        }
    }

    /// The first index in `0..<count` whose key is `id`, nil when none; `key` ascends with the index.
    /// (The first, as the merge join this replaces took the first of a file's rows with one ID.)
    fileprivate static func firstIndex(of id: UInt64, in count: Int, _ key: (Int) -> UInt64) -> Int? {
        var low = 0
        var high = count
        while low < high {
            let middle = low + (high - low) / 2
            if key(middle) < id { low = middle + 1 } else { high = middle }
        }
        return low < count && key(low) == id ? low : nil
    }
}

/// A fixed number of bits, all clear at first: one per element of an array the caller indexes.
private struct BitSet: Sendable {
    private var words: [UInt64]

    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    mutating func insert(_ index: Int) {
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    func contains(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }
}
