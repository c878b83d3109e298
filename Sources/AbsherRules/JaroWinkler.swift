/// The Jaro-Winkler similarity of two short byte strings (a name part), 0 to 1: a clerk's swapped or slipped
/// letter keeps it high (`Khalid`/`Khaild` 0.97), another name does not. At most 32 bytes of each are
/// compared; nothing is allocated.
package enum JaroWinkler {
    package static func similarity(_ left: ArraySlice<UInt8>, _ right: ArraySlice<UInt8>) -> Double {
        left.withUnsafeBufferPointer { a in right.withUnsafeBufferPointer { b in similarity(a, b) } }
    }

    package static func similarity(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Double {
        similarity(left, right, atLeast: 0)!
    }

    /// The similarity when it is at least `threshold`, nil when it is below: the same value as
    /// `similarity(_:_:)`, but the letters of `left` are given up on as soon as those left to match cannot
    /// bring it to `threshold` (most pairs a matcher looks at are other names).
    package static func similarity(
        _ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>, atLeast threshold: Double
    ) -> Double? {
        let countA = min(left.count, 32)
        let countB = min(right.count, 32)
        if countA == 0 || countB == 0 { return 0 >= threshold ? 0 : nil }
        if countA == countB && memcmpEqual(left, right, countA) { return 1 }
        var prefix = 0
        while prefix < min(4, countA, countB) && left[prefix] == right[prefix] { prefix += 1 }
        let bonus = Double(prefix) * 0.1
        // What `matches` matches without a transposition would give, at most; compared with a margin far above
        // rounding, so that a pair is never given up on that the full computation would keep.
        let isOutOfReach = { (matches: Int) -> Bool in
            let most = Double(matches)
            let jaro = (most / Double(countA) + most / Double(countB) + 1) / 3
            return jaro + bonus * (1 - jaro) < threshold - 1e-9
        }
        let window = max(0, max(countA, countB) / 2 - 1)
        var usedA: UInt32 = 0
        var usedB: UInt32 = 0
        var matches = 0
        for i in 0..<countA {
            let low = max(0, i - window)
            let high = min(countB - 1, i + window)
            var j = low
            var found = false
            while j <= high {
                if usedB & (1 << j) == 0 && left[i] == right[j] {
                    usedA |= 1 << i
                    usedB |= 1 << j
                    matches += 1
                    found = true
                    break
                }
                j += 1
            }
            if !found && isOutOfReach(min(matches + countA - 1 - i, countB)) { return nil }
        }
        if matches == 0 { return 0 >= threshold ? 0 : nil }
        var transpositions = 0
        var j = 0
        for i in 0..<countA where usedA & (1 << i) != 0 {
            while usedB & (1 << j) == 0 { j += 1 }
            if left[i] != right[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(countA) + m / Double(countB) + (m - Double(transpositions / 2)) / m) / 3
        let similarity = jaro + bonus * (1 - jaro)
        return similarity >= threshold ? similarity : nil
    }

    @inline(__always) private static func memcmpEqual(
        _ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, _ count: Int
    ) -> Bool {
        for index in 0..<count where a[index] != b[index] { return false }
        return true
    }
}
