import AbsherRules
import Testing

/// `sortInReportOrder` (by indexes and a key of file and line, the findings moved along the permutation's
/// cycles) against the stable sort by `Finding.reportOrder` it replaces: the same order, to the finding.
@Suite struct FindingReportOrderTests {
    /// Findings of few files, lines and values, so that many share a file and a line, and some are equal in
    /// everything the order reads (only their record IDs tell them apart: a stable sort keeps them as given).
    private static func findings(count: Int, seed: UInt64) -> [Finding] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let files = ["residents.csv", "citizens.csv", "sponsors.csv"]
        let fields = ["", "mobile", "email", "name_ar"]
        let rules = Array(RuleCode.ordered.prefix(6))
        return (0..<count).map { index in
            Finding(
                file: files[next(files.count)], line: next(5) == 0 ? nil : next(40) + 1, recordID: "r\(index)",
                field: fields[next(fields.count)], rule: rules[next(rules.count)], value: ["", "a", "b"][next(3)])
        }
    }

    @Test(arguments: [0, 1, 2, 17, 1_000, 20_000])
    func sameOrderAsTheStableSort(count: Int) {
        for seed: UInt64 in [1, 7, 42] {
            let given = Self.findings(count: count, seed: seed)
            var expected = given
            expected.sort(by: Finding.reportOrder)  // stable since Swift 5
            var sorted = given
            sorted.sortInReportOrder()
            #expect(sorted.map(\.recordID) == expected.map(\.recordID))
            #expect(sorted == expected)
        }
    }

    @Test func sortedInputStaysAsItIs() {
        var findings = Self.findings(count: 500, seed: 3)
        findings.sort(by: Finding.reportOrder)
        let before = findings
        findings.sortInReportOrder()
        #expect(findings == before)
    }
}
