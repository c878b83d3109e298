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
    package struct Prepared: Sendable {
        /// The rows that passed the field rules as `id << 30 | row`, sorted (rows sharing an ID side by side).
        fileprivate var candidates: [UInt64] = []
        /// Per candidate: the store holds its ID, active, with the same content hash.
        fileprivate var same: BitSet
        package var absentActive: [String] = []
        package var activeBefore = 0

        fileprivate static func id(_ packed: UInt64) -> UInt64 { packed >> 30 }
        fileprivate static func row(_ packed: UInt64) -> Int32 { Int32(truncatingIfNeeded: packed & (1 << 30 - 1)) }

        /// `claimed`: the rows that may be merged, at most one per ID, and the IDs whose rows conflict
        /// (`Reconciler.reconcile(onClaims:)`); nil: every row that passed the field rules may be merged.
        package init(
            facts: ChunkedArray<RowFacts>, claimed: Reconciler.ClaimedIDs? = nil,
            forEachStored: ((UInt64, Bool, UInt64) throws -> Void) throws -> Void
        ) throws {
            precondition(facts.count < 1 << 30, "more than 2^30 rows in one file")
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
            let candidateDirectory = IDDirectory(count: candidates.count) { Self.id(candidates[$0]) }
            let otherDirectory = IDDirectory(count: others.count) { others[$0] }
            try forEachStored { id, active, hash in
                if active { activeBefore += 1 }
                if var candidate = StoreComparison.firstIndex(
                    of: id, in: candidateDirectory.range(of: id), { Self.id(candidates[$0]) })
                {
                    // Every row with this ID (the reconciler keeps at most one of them).
                    while candidate < candidates.count && Self.id(candidates[candidate]) == id {
                        if active && facts[Int(Self.row(candidates[candidate]))].contentHash == hash {
                            same.insert(candidate)
                        }
                        candidate += 1
                    }
                } else if active
                    && StoreComparison.firstIndex(of: id, in: otherDirectory.range(of: id), { others[$0] }) == nil
                {
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

    /// The first index in `range` whose key is `id`, nil when none; `key` ascends with the index, and no
    /// index before `range` has the key `id`.
    fileprivate static func firstIndex(of id: UInt64, in range: Range<Int>, _ key: (Int) -> UInt64) -> Int? {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = low + (high - low) / 2
            if key(middle) < id { low = middle + 1 } else { high = middle }
        }
        return low < range.upperBound && key(low) == id ? low : nil
    }
}

/// Where an ID lies in an array sorted by ID, in two steps: a directory of at most 2^16 buckets over the
/// IDs' range, then a binary search inside one bucket. At 10M rows that is a few cache misses a search
/// instead of one per halving of an 80 MB array (which made the next night's comparison 2x slower).
private struct IDDirectory {
    private let low: UInt64
    private let shift: UInt64
    /// `starts[b]`: the first index whose ID is in bucket `b` or later; one more entry for the end.
    private let starts: [Int32]

    init(count: Int, id: (Int) -> UInt64) {
        guard count > 0 else {
            low = 0
            shift = 0
            starts = [0, 0]
            return
        }
        let low = id(0)
        let high = id(count - 1)
        var shift: UInt64 = 0
        while (high - low) >> shift >= 1 << 16 { shift += 1 }
        let buckets = Int((high - low) >> shift) + 1
        var starts = [Int32](repeating: Int32(count), count: buckets + 1)
        var bucket = 0
        for index in 0..<count {
            let own = Int((id(index) - low) >> shift)
            while bucket <= own {
                starts[bucket] = Int32(index)
                bucket += 1
            }
        }
        self.low = low
        self.shift = shift
        self.starts = starts
    }

    /// The indexes where `id` can be (those of its bucket).
    func range(of id: UInt64) -> Range<Int> {
        guard id >= low else { return 0..<0 }
        let bucket = (id - low) >> shift
        guard bucket < UInt64(starts.count - 1) else { return 0..<0 }
        return Int(starts[Int(bucket)])..<Int(starts[Int(bucket) + 1])
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
