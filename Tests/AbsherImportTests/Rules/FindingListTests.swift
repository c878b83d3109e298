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

@Suite struct FindingListTests {
    @Test func namesEveryValueOfASmallGroup() {
        #expect(FindingList.phrase(["a", "b"], total: 2) == "a, b")
    }

    @Test func countsTheRestOfALargeGroup() {
        #expect(FindingList.phrase(["a", "b"], total: 5_000) == "a, b and 4,998 more")
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1_000, "1,000"), (4_996, "4,996"), (1_234_567, "1,234,567")])
    func groupsDigitsInThrees(number: Int, text: String) {
        #expect(FindingList.groupedDigits(number) == text)
    }

    @Test func keepsTheSmallestValuesInOrder() {
        #expect(FindingList.smallest([9, 3, 7, 1, 8, 2, 2], count: 3) == [1, 2, 2])
        #expect(FindingList.smallest([5, 4], count: 3) == [4, 5])
        #expect(FindingList.smallest(Array((0..<100_000).reversed()), count: 5) == [0, 1, 2, 3, 4])
    }
}
