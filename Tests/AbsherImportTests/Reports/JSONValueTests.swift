import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation
import Testing

@testable import AbsherImport

@Suite struct JSONValueTests {
    @Test func serializesKeysInInsertionOrderWithTwoSpaceIndent() {
        let value: JSONValue = [
            "run_id": "20260101-020000",
            "status": "committed",
            "exit_code": 0,
            "dry_run": false,
            "reject_rate": 0.05,
            "ended": nil,
            "files": [["path": "citizens.csv", "rows": 3]],
            "rules": [:],
            "changes": [],
        ]
        #expect(
            value.serialized() == """
                {
                  "run_id": "20260101-020000",
                  "status": "committed",
                  "exit_code": 0,
                  "dry_run": false,
                  "reject_rate": 0.05,
                  "ended": null,
                  "files": [
                    {
                      "path": "citizens.csv",
                      "rows": 3
                    }
                  ],
                  "rules": {},
                  "changes": []
                }
                """)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("quote \" and \\ backslash", #""quote \" and \\ backslash""#),
        ("lines\n\r\ttab", #""lines\n\r\ttab""#),
        // DEL, C1 controls, bidi controls and line separators too (issue 16): JSON allows them raw, terminals
        // run them.
        ("\u{0}\u{1}\u{1F}\u{7F}", #""\u0000\u0001\u001f\u007f""#),
        ("a\u{9B}31m\u{2028}b\u{202E}c\u{FEFF}", #""a\u009b31m\u2028b\u202ec\ufeff""#),
        ("محمد \u{1F600} é", "\"محمد \u{1F600} é\""),
        ("</script>", #""</script>""#),
    ])
    func escapesStringsPerRFC8259(text: String, expected: String) throws {
        let serialized = JSONValue.string(text).serialized()
        #expect(serialized == expected)
        let decoded = try JSONDecoder().decode(String.self, from: Data(serialized.utf8))
        #expect(decoded == text)
    }

    @Test(arguments: [
        (0.05, "0.05"), (1.0, "1.0"), (0.0, "0.0"), (-0.0, "0.0"), (1.0 / 3.0, "0.333333"), (2.0 / 3.0, "0.666667"),
        (-12.5, "-12.5"), (0.0000001, "0.0"), (-0.0000001, "0.0"), (1_234_567.891, "1234567.891"),
        (Double.nan, "null"), (Double.infinity, "null"),
    ])
    func formatsDoublesDeterministically(value: Double, expected: String) {
        #expect(JSONValue.double(value).serialized() == expected)
    }

    @Test func writesIntegersWithoutAFraction() {
        #expect(JSONValue.int(42).serialized() == "42")
        #expect(JSONValue.int(Int.min).serialized() == "-9223372036854775808")
    }

    @Test func parsesBackToTheSameValues() throws {
        let value: JSONValue = ["a": [1, 2.5, "x", true, nil], "b": ["nested": ["deep": "\u{2028}"]]]
        let parsed = try JSONSerialization.jsonObject(with: Data(value.serialized().utf8)) as? [String: Any]
        let array = try #require(parsed?["a"] as? [Any])
        #expect(array.count == 5)
        #expect(array[2] as? String == "x")
        let nested = try #require((parsed?["b"] as? [String: Any])?["nested"] as? [String: Any])
        #expect(nested["deep"] as? String == "\u{2028}")
    }

    @Test func comparesObjectsByKeyOrderToo() {
        #expect(JSONValue.object([("a", 1), ("b", 2)]) == ["a": 1, "b": 2])
        #expect(JSONValue.object([("a", 1), ("b", 2)]) != ["b": 2, "a": 1])
        #expect(JSONValue.int(1) != .double(1))
    }
}
