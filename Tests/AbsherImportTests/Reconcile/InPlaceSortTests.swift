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

/// The radix passes on the shapes of the packed keys: a high part every key shares (only the low bytes
/// sort), a hash prefix over a small owner number, values in every byte, and ranges just over the cutoff
/// below which the comparison sort takes over.
@Test(arguments: [128, 129, 257, 5_000, 70_000])
func radixSortMatchesTheStandardSortOnPackedKeyShapes(count: Int) {
    var generator = SystemRandomNumberGenerator()
    let inputs: [[UInt64]] = [
        (0..<count).map { _ in 0xABCD_0000_0000_0000 | UInt64.random(in: 0...0xFFFF, using: &generator) },
        (0..<count).map { _ in
            UInt64.random(in: 0...0x3FFF_FFFF, using: &generator) << 34
                | UInt64.random(in: 0...1_000, using: &generator)
        },
        (0..<count).map { index in UInt64(index % 8) << UInt64(8 * (index % 8)) },
        (0..<count).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) & 0xFF00_FF00_FF00_FF00 },
    ]
    for input in inputs {
        var sorted = input
        sorted.sortInPlace()
        #expect(sorted == input.sorted())
        var sortedOnTwo = input
        sortedOnTwo.sortInPlaceOnTwoThreads()
        #expect(sortedOnTwo == input.sorted())
    }
}
