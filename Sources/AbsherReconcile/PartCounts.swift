/// How many of the run's people have each first-name and family-name skeleton (`NameSkeleton`), in the
/// scripts their record has: the `u` of a name part in `MatchModel` (common names say less).
struct PartCounts {
    private var first: [UInt64: Int32] = [:]
    private var family: [UInt64: Int32] = [:]

    mutating func add(arabic: (first: UInt64, family: UInt64), english: (first: UInt64, family: UInt64)) {
        if arabic.first != 0 { first[arabic.first, default: 0] += 1 }
        if english.first != 0 && english.first != arabic.first { first[english.first, default: 0] += 1 }
        if arabic.family != 0 { family[arabic.family, default: 0] += 1 }
        if english.family != 0 && english.family != arabic.family { family[english.family, default: 0] += 1 }
    }

    func count(_ key: UInt64, family isFamily: Bool) -> Int {
        Int((isFamily ? family[key] : first[key]) ?? 0)
    }

    /// Adds the counts of `other` (another part of the same run's people).
    mutating func merge(_ other: PartCounts) {
        first.merge(other.first, uniquingKeysWith: +)
        family.merge(other.family, uniquingKeysWith: +)
    }
}
