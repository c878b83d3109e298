import AbsherRules

/// The cheap first look at a candidate pair (contract §4b), before `MatchModel.weigh`: most candidates share
/// a birth day and one name and nothing else, and are another person by their first or family name alone.
/// It allocates nothing and rules out only what `weigh` would rule out too.
enum QuickVeto {
    /// Whether the first or the family name disagrees in every script both records have (not equal, not the
    /// same skeleton, not a slip of a letter), or the records share no script, no name skeleton and no
    /// contact, so that they cannot reach a reporting score.
    /// `sharesContact` (a mobile or an e-mail in common) is asked only in the last case: the views need not
    /// carry their contacts yet.
    static func rulesOut(_ a: MatchView, _ b: MatchView, sharesContact: () -> Bool) -> Bool {
        a.arabic.withUnsafeBufferPointer { arabicA in
            a.english.withUnsafeBufferPointer { englishA in
                b.arabic.withUnsafeBufferPointer { arabicB in
                    b.english.withUnsafeBufferPointer { englishB in
                        rulesOut(
                            Names(arabic: arabicA, english: englishA), Names(arabic: arabicB, english: englishB),
                            sharesContact: sharesContact)
                    }
                }
            }
        }
    }

    /// The same on the names' bytes, their outer parts already found (`Names`): the pairing reads a person's
    /// once for all the pairs of a block, and touches no reference count.
    static func rulesOut(_ a: Names, _ b: Names, sharesContact: () -> Bool) -> Bool {
        switch look(a, b) {
        case .ruledOut: true
        case .kept: false
        case .keptIfSharingContact: !sharesContact()
        }
    }

    /// What the names alone say of a pair.
    enum Look {
        case ruledOut
        case kept
        /// Ruled out unless the records share a mobile or an e-mail (they share no script).
        case keptIfSharingContact
    }

    /// `rulesOut` without the contacts: a pairing loop asks them itself when told to, and passes no closure (a
    /// closure that captures the run's people costs a reference count a candidate pair).
    static func look(_ a: Names, _ b: Names) -> Look {
        // The outer parts of each script both records have.
        let arabic = a.arabicOuter.flatMap { x in b.arabicOuter.map { (x, $0) } }
        let english = a.englishOuter.flatMap { x in b.englishOuter.map { (x, $0) } }
        if arabic != nil || english != nil {
            // The first names first: most candidates are another person by their first name alone, and need
            // no look at their last.
            var firstAgrees = false
            if let (x, y) = arabic { firstAgrees = agrees(a.arabic, x.first, b.arabic, y.first) }
            if !firstAgrees, let (x, y) = english { firstAgrees = agrees(a.english, x.first, b.english, y.first) }
            if !firstAgrees { return .ruledOut }
            // Then the last names, in a script where both records have two parts or more.
            var lastCompared = false
            if let (x, y) = arabic, let lastX = x.last, let lastY = y.last {
                lastCompared = true
                if agrees(a.arabic, lastX, b.arabic, lastY) { return .kept }
            }
            if let (x, y) = english, let lastX = x.last, let lastY = y.last {
                lastCompared = true
                if agrees(a.english, lastX, b.english, lastY) { return .kept }
            }
            return lastCompared ? .ruledOut : .kept
        }
        // No script in common: the skeletons of one script against the other's, unless a contact is shared.
        let x = a.arabic.isEmpty ? a.english : a.arabic
        let y = b.arabic.isEmpty ? b.english : b.arabic
        guard !x.isEmpty, !y.isEmpty else { return .kept }
        let keysX = MatchView.keys(x)
        let keysY = MatchView.keys(y)
        let keysDiffer = keysX.first != keysY.first && (keysX.family == 0 || keysX.family != keysY.family)
        return keysDiffer ? .keptIfSharingContact : .kept
    }

    /// The first part of a name and, when there are two or more, the last.
    typealias Outer = (first: Range<Int>, last: Range<Int>?)

    /// A person's normalised names as `rulesOut` reads them: the bytes of each script and where their outer
    /// parts are (nil for a script the record lacks).
    struct Names {
        var arabic: UnsafeBufferPointer<UInt8>
        var english: UnsafeBufferPointer<UInt8>
        var arabicOuter: Outer?
        var englishOuter: Outer?

        init(arabic: UnsafeBufferPointer<UInt8>, english: UnsafeBufferPointer<UInt8>) {
            self.arabic = arabic
            self.english = english
            arabicOuter = arabic.isEmpty ? nil : QuickVeto.outer(arabic)
            englishOuter = english.isEmpty ? nil : QuickVeto.outer(english)
        }
    }

    /// The first part and, when there are two or more, the last.
    @inline(__always) static func outer(_ name: UnsafeBufferPointer<UInt8>) -> Outer {
        let firstEnd = name.firstIndex(of: 0x20) ?? name.endIndex
        guard firstEnd != name.endIndex else { return (name.startIndex..<firstEnd, nil) }
        let lastStart = name.lastIndex(of: 0x20)! + 1
        return (name.startIndex..<firstEnd, lastStart..<name.endIndex)
    }

    /// As `PartStates.compare` judges two parts of one script: agree or close.
    @inline(__always) static func agrees(
        _ x: UnsafeBufferPointer<UInt8>, _ partX: Range<Int>, _ y: UnsafeBufferPointer<UInt8>, _ partY: Range<Int>
    ) -> Bool {
        agrees(UnsafeBufferPointer(rebasing: x[partX]), UnsafeBufferPointer(rebasing: y[partY]))
    }

    @inline(__always) static func agrees(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        if same(x, y) { return true }
        // Below 0.7 neither a close part nor a skeleton's: the similarity is given up on early.
        guard let similarity = JaroWinkler.similarity(x, y, atLeast: 0.7) else { return false }
        if similarity >= PartStates.closeSimilarity { return true }
        return NameSkeleton.key(x) == NameSkeleton.key(y)
    }

    @inline(__always) private static func same(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool
    {
        guard x.count == y.count else { return false }
        for index in 0..<x.count where x[index] != y[index] { return false }
        return true
    }
}
