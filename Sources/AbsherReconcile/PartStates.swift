import AbsherRules

/// How the name parts of two records compare, position by position (first name, the middle names, the family
/// name), over one script or several. A part one side lacks counts for nothing; a part both have that
/// disagrees in every script compared makes `disagrees`.
struct PartStates {
    enum State { case agree, close, transliterated }

    struct Part {
        var position: Int
        var state: State
        /// The skeleton of the part (of the first record), for its frequency.
        var key: UInt64
        var family: Bool
    }

    /// Agreeing parts, at most one per position (0 first, 1… middles, 99 family).
    private(set) var parts: [Part] = []
    /// Positions that disagreed.
    private var disagreeing: [Int] = []

    /// Some position disagreed and agreed in no script.
    var disagrees: Bool { disagreeing.contains { position in !parts.contains { $0.position == position } } }

    /// At least one part agreed and none disagreed.
    var agrees: Bool { !parts.isEmpty && disagreeing.isEmpty }

    /// Jaro-Winkler at or above this is a clerk's slip of a letter, not another name.
    static let closeSimilarity = 0.84

    /// Positions whose skeletons differ across scripts: evidence against, not a veto (the transliteration may
    /// be one the skeleton does not know).
    private(set) var unlikeAcrossScripts = 0

    mutating func combine(_ other: PartStates) {
        for part in other.parts {
            if let index = parts.firstIndex(where: { $0.position == part.position }) {
                if part.state == .agree { parts[index].state = .agree }
            } else {
                parts.append(part)
            }
        }
        disagreeing += other.disagreeing
        unlikeAcrossScripts += other.unlikeAcrossScripts
    }

    /// Two names of one script, part by part.
    static func compare(_ a: [NamePart], _ b: [NamePart]) -> PartStates {
        compare(a, b) { left, right in
            if left.elementsEqual(right) { return .agree }
            let similarity = JaroWinkler.similarity(left, right)
            if NameSkeleton.key(left) == NameSkeleton.key(right) && similarity >= 0.7 { return .agree }
            return similarity >= closeSimilarity ? .close : nil
        }
    }

    /// Two names of different scripts, by skeleton: an unequal skeleton is not evidence against (the
    /// transliteration may be one the skeleton does not know).
    static func compareSkeletons(_ a: [NamePart], _ b: [NamePart]) -> PartStates {
        var states = compare(a, b) { left, right in
            NameSkeleton.key(left) == NameSkeleton.key(right) ? .transliterated : nil
        }
        states.unlikeAcrossScripts = states.disagreeing.count
        states.disagreeing = []
        return states
    }

    private static func compare(
        _ a: [NamePart], _ b: [NamePart], _ judge: (NamePart, NamePart) -> State?
    ) -> PartStates {
        var states = PartStates()
        guard let firstA = a.first, let firstB = b.first else { return states }
        states.note(judge(firstA, firstB), position: 0, part: firstA, family: false)
        guard a.count >= 2, b.count >= 2 else { return states }
        states.note(judge(a[a.count - 1], b[b.count - 1]), position: 99, part: a[a.count - 1], family: true)
        let middlesA = a[1..<(a.count - 1)]
        let middlesB = b[1..<(b.count - 1)]
        // Each middle name of the side with fewer must be found, in order, among the other side's.
        let (fewer, more) = middlesA.count <= middlesB.count ? (middlesA, middlesB) : (middlesB, middlesA)
        var next = more.startIndex
        for (offset, part) in fewer.enumerated() {
            var found: State?
            while next < more.endIndex, found == nil {
                found = judge(part, more[next])
                next += 1
            }
            states.note(found, position: 1 + offset, part: part, family: false)
        }
        return states
    }

    private mutating func note(_ state: State?, position: Int, part: NamePart, family: Bool) {
        if let state {
            parts.append(Part(position: position, state: state, key: NameSkeleton.key(part), family: family))
        } else {
            disagreeing.append(position)
        }
    }
}
