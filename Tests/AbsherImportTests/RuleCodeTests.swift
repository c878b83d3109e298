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

@Test func luhnAcceptsSpecVectors() {
    #expect(Luhn.isValid(Array("1012345672".utf8)))
    #expect(Luhn.isValid(Array("2000000006".utf8)))
    #expect(!Luhn.isValid(Array("1012345670".utf8)))
    #expect(Luhn.checkDigit(for: Array("101234567".utf8)) == 2)
}

@Test func everyRuleCodeHasASummaryAndASpecShapedCode() {
    for rule in RuleCode.allCases {
        #expect(!rule.summary.isEmpty)
        #expect(rule.code.contains("."))
    }
}
