import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Testing

@testable import AbsherImport

/// The reconciler's in-place sort gives exactly what the standard library's sort gives.
@Test(arguments: [0, 1, 2, 3, 16, 17, 100, 1_000, 100_000])
func inPlaceSortMatchesTheStandardSort(count: Int) {
    var generator = SystemRandomNumberGenerator()
    let inputs: [[UInt64]] = [
        (0..<count).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) },
        (0..<count).map { UInt64($0) },  // already sorted
        (0..<count).map { UInt64(count - $0) },  // reversed
        (0..<count).map { _ in UInt64.random(in: 0...3, using: &generator) },  // many equal values
        (0..<count).map { UInt64($0 % 2 == 0 ? $0 : count - $0) },  // organ pipe
    ]
    for input in inputs {
        var sorted = input
        sorted.sortInPlace()
        #expect(sorted == input.sorted())
    }
}

/// The sort on two threads gives the same, on tables large enough for it to split them (and on the degenerate
/// ones: all equal, the pivot the smallest value).
@Test(arguments: [10, 65_536, 200_003])
func sortOnTwoThreadsMatchesTheStandardSort(count: Int) {
    var generator = SystemRandomNumberGenerator()
    let inputs: [[UInt64]] = [
        (0..<count).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) },
        (0..<count).map { UInt64($0) },
        (0..<count).map { UInt64(count - $0) },
        (0..<count).map { _ in UInt64.random(in: 0...3, using: &generator) },
        Array(repeating: 7, count: count),
        (0..<count).map { $0 % 3 == 0 ? 0 : UInt64($0) },
    ]
    for input in inputs {
        var sorted = input
        sorted.sortInPlaceOnTwoThreads()
        #expect(sorted == input.sorted())
    }
}
