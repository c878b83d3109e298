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
        var firstCompared = false
        var firstAgrees = false
        var lastCompared = false
        var lastAgrees = false
        func look(_ x: ArraySlice<UInt8>, _ y: ArraySlice<UInt8>) {
            guard !x.isEmpty, !y.isEmpty else { return }
            let outerX = outer(x)
            let outerY = outer(y)
            firstCompared = true
            if !firstAgrees { firstAgrees = agrees(x[outerX.first], y[outerY.first]) }
            if let lastX = outerX.last, let lastY = outerY.last {
                lastCompared = true
                if !lastAgrees { lastAgrees = agrees(x[lastX], y[lastY]) }
            }
        }
        look(a.arabic, b.arabic)
        look(a.english, b.english)
        if firstCompared { return !firstAgrees || (lastCompared && !lastAgrees) }
        // No script in common: the skeletons of one script against the other's.
        let x = a.arabic.isEmpty ? a.english : a.arabic
        let y = b.arabic.isEmpty ? b.english : b.arabic
        guard !x.isEmpty, !y.isEmpty else { return false }
        if sharesContact() { return false }
        let keysX = MatchView.keys(x)
        let keysY = MatchView.keys(y)
        return keysX.first != keysY.first && (keysX.family == 0 || keysX.family != keysY.family)
    }

    /// The first part and, when there are two or more, the last.
    @inline(__always) static func outer(_ name: ArraySlice<UInt8>) -> (first: Range<Int>, last: Range<Int>?) {
        let firstEnd = name.firstIndex(of: 0x20) ?? name.endIndex
        guard firstEnd != name.endIndex else { return (name.startIndex..<firstEnd, nil) }
        let lastStart = name.lastIndex(of: 0x20)! + 1
        return (name.startIndex..<firstEnd, lastStart..<name.endIndex)
    }

    /// As `PartStates.compare` judges two parts of one script: agree or close.
    @inline(__always) static func agrees(_ x: ArraySlice<UInt8>, _ y: ArraySlice<UInt8>) -> Bool {
        if x == y { return true }
        let similarity = JaroWinkler.similarity(x, y)
        if similarity >= PartStates.closeSimilarity { return true }
        return similarity >= 0.7 && NameSkeleton.key(x) == NameSkeleton.key(y)
    }
}
