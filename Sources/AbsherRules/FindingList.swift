import AbsherReading
import AbsherSchema
import AbsherSupport

/// How a message names the other rows of a group: at most `namedLimit` of them, then a count of the rest,
/// so that a message never grows with its group (a group of n rows then costs n messages of bounded length,
/// not n messages of n names each).
package enum FindingList {
    /// The most values a message names before it says "and N more".
    package static let namedLimit = 5

    /// `a, b, c` when `named` is all of `total`, else `a, b, c and 4,996 more`.
    /// (Messages put such lists into their sentences as `MessageArgument.ids` and `.lines`, in either language.)
    package static func phrase(_ named: [String], total: Int) -> String {
        MessageArgument.list(named, total: total, language: .english)
    }

    /// The `count` smallest values, ascending, in one pass and `count` values of memory.
    package static func smallest<Values: Sequence>(_ values: Values, count: Int) -> [Values.Element]
    where Values.Element: Comparable {
        var kept: [Values.Element] = []
        kept.reserveCapacity(count + 1)
        for value in values {
            if kept.count == count, let last = kept.last, value >= last { continue }
            let index = kept.firstIndex { $0 > value } ?? kept.count
            kept.insert(value, at: index)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }

    /// `4996` as `4,996`: digits in groups of three, as the messages write counts.
    package static func groupedDigits(_ number: Int) -> String { DigitGrouping.grouped(number) }
}
