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

@Suite struct HTMLEscapingTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("\" onerror=\"alert(1)", "&quot; onerror=&quot;alert(1)"),
        ("' onerror='x", "&#39; onerror=&#39;x"),
        ("</style><img src=x>", "&lt;/style&gt;&lt;img src=x&gt;"),
        ("AT&T &amp;", "AT&amp;T &amp;amp;"),
        ("abc\u{202E}fed", "abc\u{FFFD}fed"),
        ("\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}", String(repeating: "\u{FFFD}", count: 5)),
        ("\u{2066}x\u{2067}y\u{2068}z\u{2069}", "\u{FFFD}x\u{FFFD}y\u{FFFD}z\u{FFFD}"),
        ("a\u{0}b", "ab"),
        ("محمد – \u{200F}ok\u{2029}…", "محمد – \u{200F}ok\u{2029}…"),
        ("plain text", "plain text"),
        ("", ""),
    ])
    func escapesMarkupAndNeutralisesBidiControls(text: String, escaped: String) {
        #expect(HTMLEscaping.escape(text) == escaped)
    }
}
