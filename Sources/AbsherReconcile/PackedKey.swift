/// Two unsigned fields in one `UInt64`, `high << Layout.lowBits | low`, so that sorting the plain `UInt64`s
/// (`sortInPlace`) sorts by `high`, then by `low`: the reconciler's tables take 8 bytes an entry, and a group
/// of equal `high` parts is a run of neighbours found by one lower-bound search.
///
/// The layout is a type, not a value: once specialised, every member is the same shift and mask that the
/// layout would be written by hand as.
package enum PackedKey<Layout: PackedLayout> {
    /// How many bits `low` takes: the values below `1 << lowBits`.
    package static var lowBits: UInt64 { Layout.lowBits }

    /// `high << lowBits | low`; `low` must be below `1 << lowBits` and `high` below `1 << (64 - lowBits)`.
    @inline(__always) package static func pack(_ high: UInt64, _ low: UInt64) -> UInt64 {
        high << Layout.lowBits | low
    }

    @inline(__always) package static func high(_ packed: UInt64) -> UInt64 { packed >> Layout.lowBits }

    @inline(__always) package static func low(_ packed: UInt64) -> UInt64 {
        packed & ((1 << Layout.lowBits) - 1)
    }

    /// The first index of `range` whose entry's `high` part is `high` or more, `range.upperBound` when there is
    /// none. The entries of `sorted` ascend over `range`.
    package static func lowerBound(of high: UInt64, in sorted: [UInt64], within range: Range<Int>) -> Int {
        // Every `low` is at least 0: the first entry not below `high << lowBits` is the first with that `high`.
        guard high <= UInt64.max >> Layout.lowBits else { return range.upperBound }
        let bound = high << Layout.lowBits
        var low = range.lowerBound
        var upper = range.upperBound
        while low < upper {
            let middle = low + (upper - low) / 2
            if sorted[middle] < bound { low = middle + 1 } else { upper = middle }
        }
        return low
    }

    /// The same over all of `sorted`.
    package static func lowerBound(of high: UInt64, in sorted: [UInt64]) -> Int {
        lowerBound(of: high, in: sorted, within: 0..<sorted.count)
    }

    /// The first index of `range` whose entry's `high` part is `high`, nil when none; as `lowerBound`.
    package static func firstIndex(of high: UInt64, in sorted: [UInt64], within range: Range<Int>) -> Int? {
        let index = lowerBound(of: high, in: sorted, within: range)
        return index < range.upperBound && Self.high(sorted[index]) == high ? index : nil
    }

    /// The same over all of `sorted`.
    package static func firstIndex(of high: UInt64, in sorted: [UInt64]) -> Int? {
        firstIndex(of: high, in: sorted, within: 0..<sorted.count)
    }
}
