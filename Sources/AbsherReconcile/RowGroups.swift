import AbsherScan
import AbsherSupport

/// Groups of claiming rows found by sorting plain values, `KeyedRow` (`key << 32 | file << 30 | row`, 8 bytes
/// a row): no dictionary of arrays, nothing reference-counted per row, and an outcome that does not depend on
/// the order of rows.
enum RowGroups {
    /// The texts people are grouped by.
    enum Text {
        case username, email

        func of(_ facts: RowFacts) -> TextRef {
            switch self {
            case .username: return facts.username
            case .email: return facts.email
            }
        }
    }

    /// Calls `body` with each group of claiming people whose `text` is equal (people without one are skipped)
    /// and that has at least `minimumCount` rows, found by sorting on the text's hash; and with the upper 32
    /// bits of the text's hash (`TextArena.hash`), the lower ones zero.
    static func forEachGroup(
        of text: Text, in context: ReconcileContext, minimumCount: Int = 1,
        _ body: (_ group: [RowRef], _ hashPrefix: UInt64) throws -> Void
    ) throws {
        try forEachGroup(
            of: text, in: sorted(of: text, in: context), context: context, minimumCount: minimumCount, body)
    }

    /// The claiming people that have a `text`, as `KeyedRow` sorted on the upper 32 bits of the text's hash:
    /// what `forEachGroup(of:in:context:minimumCount:_:)` goes through, for a rule that goes through its groups
    /// more than once.
    static func sorted(of text: Text, in context: ReconcileContext) -> [UInt64] {
        var keyed: [UInt64] = []
        keyed.reserveCapacity(context.personCount)
        context.forEachPerson { ref in
            let value = text.of(context.facts(ref))
            guard !value.isNone else { return }
            let hash = context.scans[Int(ref.file)].arena.hash(value)
            keyed.append(PackedKey<KeyedRow>.pack(hash >> 32, ref.packed))
        }
        keyed.sortInPlace()
        return keyed
    }

    /// The groups of `keyed` (from `sorted(of:in:)`), in the same order each time.
    static func forEachGroup(
        of text: Text, in keyed: [UInt64], context: ReconcileContext, minimumCount: Int = 1,
        _ body: (_ group: [RowRef], _ hashPrefix: UInt64) throws -> Void
    ) throws {
        // Sorted on the upper 32 bits of the text's hash; equal prefixes are split by the text below.
        try forEachRun(keyed, minimumCount: minimumCount) { run, key in
            let hashPrefix = key << 32
            if run.count == 1 {
                try body(run, hashPrefix)
                return
            }
            // Equal hash prefixes: split by the actual text, so that a collision never joins two values.
            var byText: [ArraySlice<UInt8>: [RowRef]] = [:]
            for ref in run {
                byText[context.scans[Int(ref.file)].arena.bytes(text.of(context.facts(ref))), default: []].append(ref)
            }
            for group in byText.values where group.count >= minimumCount { try body(group, hashPrefix) }
        }
    }

    /// Calls `body` with each run of equal keys in a sorted array of `KeyedRow`, and the key. The array it gets
    /// is reused from one call to the next (no allocation per run): copy it to keep it.
    static func forEachRun(
        _ sorted: [UInt64], minimumCount: Int = 1, _ body: (_ run: [RowRef], _ key: UInt64) throws -> Void
    ) rethrows {
        var run: [RowRef] = []
        var start = 0
        while start < sorted.count {
            let key = PackedKey<KeyedRow>.high(sorted[start])
            var end = start + 1
            while end < sorted.count && PackedKey<KeyedRow>.high(sorted[end]) == key { end += 1 }
            if end - start >= minimumCount {
                run.removeAll(keepingCapacity: true)
                for packed in sorted[start..<end] { run.append(RowRef(packed: PackedKey<KeyedRow>.low(packed))) }
                try body(run, key)
            }
            start = end
        }
    }
}
