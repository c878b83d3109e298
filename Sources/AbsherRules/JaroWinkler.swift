/// The Jaro-Winkler similarity of two short byte strings (a name part), 0 to 1: a clerk's swapped or slipped
/// letter keeps it high (`Khalid`/`Khaild` 0.97), another name does not.
package enum JaroWinkler {
    package static func similarity(_ left: ArraySlice<UInt8>, _ right: ArraySlice<UInt8>) -> Double {
        let a = Array(left.prefix(32))
        let b = Array(right.prefix(32))
        if a.isEmpty || b.isEmpty { return 0 }
        if a == b { return 1 }
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var usedA: UInt32 = 0
        var usedB: UInt32 = 0
        var matches = 0
        for i in a.indices {
            let low = max(0, i - window)
            let high = min(b.count - 1, i + window)
            if low > high { continue }
            for j in low...high where usedB & (1 << j) == 0 && a[i] == b[j] {
                usedA |= 1 << i
                usedB |= 1 << j
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0
        var j = 0
        for i in a.indices where usedA & (1 << i) != 0 {
            while usedB & (1 << j) == 0 { j += 1 }
            if a[i] != b[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, a.count, b.count) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }
}
