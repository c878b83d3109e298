/// How many of the run's people have each first-name and family-name skeleton (`NameSkeleton`), in the
/// scripts their record has: the `u` of a name part in `MatchModel` (common names say less).
struct PartCounts {
    private var first = KeyCounts()
    private var family = KeyCounts()

    mutating func add(arabic: (first: UInt64, family: UInt64), english: (first: UInt64, family: UInt64)) {
        if arabic.first != 0 { first.add(arabic.first) }
        if english.first != 0 && english.first != arabic.first { first.add(english.first) }
        if arabic.family != 0 { family.add(arabic.family) }
        if english.family != 0 && english.family != arabic.family { family.add(english.family) }
    }

    func count(_ key: UInt64, family isFamily: Bool) -> Int {
        Int(isFamily ? family.count(key) : first.count(key))
    }

    /// Adds the counts of `other` (another part of the same run's people).
    mutating func merge(_ other: PartCounts) {
        first.merge(other.first)
        family.merge(other.family)
    }
}

/// Counts of non-zero keys in one open-addressed table (linear probing, a multiplicative hash): four of them a
/// person while the blocks are built, where a `Dictionary` hashes each key with SipHash.
struct KeyCounts {
    private var keys: [UInt64]
    private var counts: [Int32]
    private var used = 0
    private var shift: UInt64

    init() {
        let bits = 10
        keys = Array(repeating: 0, count: 1 << bits)
        counts = Array(repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    /// The count of `key` (not 0), 0 when it was never added.
    func count(_ key: UInt64) -> Int32 {
        var slot = self.slot(key)
        while true {
            let stored = keys[slot]
            if stored == key { return counts[slot] }
            if stored == 0 { return 0 }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// Adds `amount` to the count of `key` (not 0).
    mutating func add(_ key: UInt64, _ amount: Int32 = 1) {
        precondition(key != 0, "KeyCounts keys are never 0")
        var slot = self.slot(key)
        while true {
            let stored = keys[slot]
            if stored == key {
                counts[slot] += amount
                return
            }
            if stored == 0 { break }
            slot = (slot + 1) & (keys.count - 1)
        }
        keys[slot] = key
        counts[slot] = amount
        used += 1
        // At most half full: probes stay short.
        if used * 2 > keys.count { grow() }
    }

    mutating func merge(_ other: KeyCounts) {
        for (key, count) in zip(other.keys, other.counts) where key != 0 { add(key, count) }
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func grow() {
        let old = (keys, counts)
        keys = Array(repeating: 0, count: old.0.count * 2)
        counts = Array(repeating: 0, count: old.0.count * 2)
        shift -= 1
        used = 0
        for (key, count) in zip(old.0, old.1) where key != 0 { add(key, count) }
    }
}
