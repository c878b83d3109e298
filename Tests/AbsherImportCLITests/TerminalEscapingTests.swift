import Foundation
import Testing

/// Contract §7.9 and issue 16 item 2: a value from outside (a file name, a path, an option, a stored value) never
/// reaches a terminal or a log raw. Control characters, bidi controls and line separators are shown as `\u{…}`.
@Suite struct TerminalEscapingTests {
    /// The file name of the issue: an OSC title sequence, a BEL and two line feeds that would forge a log line.
    static let forgedName = "citizens\u{1B}]0;PWNED\u{07}\n2026-11-25T02:30:04Z ERROR forged (exit 0)\n.csv"
    static let escapedName = #"citizens\u{1B}]0;PWNED\u{7}\u{A}2026-11-25T02:30:04Z ERROR forged (exit 0)\u{A}.csv"#
    static let citizens =
        "national_id,name_ar,birth_date,mobile\n\(SecurityTests.validID(1, 1)),محمد,1990-01-01,0500000001\n"

    /// Log lines with their leading timestamp replaced by `TIME`; the forged timestamp, were it at the start
    /// of a line, would be replaced too and the comparison would fail.
    static func normalized(_ log: String) -> String {
        log.replacing(#/(?m)^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ /#, with: "TIME ")
    }

    static func hasRawControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
                || [0x2028, 0x2029, 0x202E].contains(scalar.value)
        }
    }

    @Test func forgedFileNameIsEscapedOnStdoutAndStderrByteForByte() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/" + Self.forgedName, Self.citizens)
        let run = try BinaryRun.run(
            ["run", "in", "--store", "s.sqlite", "--reports", "out", "--now", "2026-11-25", "--mode", "delta"],
            in: folder.url, environment: ["NO_COLOR": "1"])
        #expect(run.status == 0, "\(run.stderr)")
        let reportID =
            try String(contentsOfFile: folder.path + "/out/latest/summary.json", encoding: .utf8)
            .firstMatch(of: /"run_id": "([0-9TZ-]+)"/)?.1 ?? ""
        #expect(
            run.stdout
                == "run committed: 1 rows read, 1 accepted, 0 rejected, 0 warnings\n"
                + "  \(Self.escapedName): 1 rows, 1 accepted, 0 rejected\n"
                + "  changes: 1 new\n"
                + "  report: out/\(reportID)/report.html\n")
        #expect(run.stderr == "")
    }

    /// A failing run names the file on its last log line: text and JSON, both escaped.
    @Test func forgedFileNameIsEscapedInTextAndJSONLogLines() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/" + Self.forgedName, "name_ar,mobile\nمحمد,0500000001\n")
        let text = try BinaryRun.run(
            ["validate", "in", "--reports", "out", "--now", "2026-11-25", "--quiet"], in: folder.url,
            environment: ["NO_COLOR": "1"])
        #expect(text.status == 65)
        #expect(text.stdout == "")
        #expect(
            Self.normalized(text.stderr)
                == "TIME ERROR in/\(Self.escapedName):1: header.missing-column: The required column national_id "
                + "(رقم الهوية) is missing. (exit 65)\n", "\(text.stderr)")
        let json = try BinaryRun.run(
            ["validate", "in", "--reports", "out", "--now", "2026-11-25", "--log-format", "json"], in: folder.url)
        #expect(json.status == 65)
        #expect(!Self.hasRawControls(json.stderr))
        #expect(json.stderr.contains(#""file":"in/citizens\u001b]0;PWNED\u0007\n2026-11-25T02:30:04Z"#))
        for line in json.stderr.split(separator: "\n") {
            #expect(line.hasPrefix("{\"time\":") && line.hasSuffix("}"), "\(line)")
        }
    }

    /// JSON log lines escape U+2028, U+2029, U+009B (CSI) and bidi overrides too, which JSON itself allows raw.
    @Test func jsonLogEscapesLineSeparatorsAndC1AndBidiControls() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let name = "citizens\u{2028}x\u{9B}31m\u{202E}gpj.csv"
        try folder.write("in/" + name, Self.citizens)
        let run = try BinaryRun.run(
            ["validate", "in", "--reports", "out", "--now", "2026-11-25", "--log-format", "json"], in: folder.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains(#"citizens\u2028x\u009b31m\u202egpj.csv"#), "\(run.stderr)")
        #expect(!Self.hasRawControls(run.stderr + run.stdout))
        #expect(run.stdout.contains(#"citizens\u{2028}x\u{9B}31m\u{202E}gpj.csv: 1 rows"#), "\(run.stdout)")
    }

    /// Paths given as options and the values of a usage error are escaped too.
    @Test func optionValuesAreEscapedInErrors() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let usage = try BinaryRun.run(["run", "--citizens", "c.csv", "--mode", "x\u{1B}[2J\ny"], in: folder.url)
        #expect(usage.status == 64)
        #expect(usage.stderr.hasPrefix(#"Error: --mode must be snapshot or delta, not 'x\u{1B}[2J\u{A}y'."#))
        let lookup = try BinaryRun.run(["runs", "--store", "gone\u{1B}]0;x\u{07}.sqlite"], in: folder.url)
        #expect(lookup.status == 73)
        #expect(!Self.hasRawControls(lookup.stderr), "\(lookup.stderr)")
        #expect(lookup.stderr.contains(#"gone\u{1B}]0;x\u{7}.sqlite"#))
        let store = try BinaryRun.run(
            ["run", "--citizens", "c.csv", "--store", "no/such\u{1B}[31m/s.sqlite", "--now", "2026-11-25"],
            in: folder.url, environment: ["NO_COLOR": "1"])
        #expect(store.status != 0)
        #expect(!Self.hasRawControls(store.stderr + store.stdout), "\(store.stderr)")
    }

    /// The progress line, drawn only on a terminal: `script(1)` gives the run one.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1)"))
    func progressLineEscapesTheFileName() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Two rows of 5 MB each in an ignored column: the reader reports progress after the first (every 4 MiB).
        let filler = String(repeating: "x", count: 5 << 20)
        try folder.write(
            "in/" + Self.forgedName,
            "national_id,name_ar,birth_date,mobile,notes\n"
                + "\(SecurityTests.validID(1, 1)),محمد,1990-01-01,0500000001,\(filler)\n"
                + "\(SecurityTests.validID(1, 2)),محمد,1990-01-01,0500000002,\(filler)\n")
        let command = "'\(BinaryRun.executable)' validate in --reports out --now 2026-11-25 2>&1"
        let run = try BinaryRun.run(
            ["-q", "-e", "-c", command, "/dev/null"], in: folder.url, program: "/usr/bin/script")
        #expect(run.status == 0, "\(run.stdout)")
        // The progress line's own sequences (CR, erase line) are there; the file's OSC and BEL are not.
        #expect(!run.stdout.contains("\u{1B}]0;PWNED"))
        #expect(!run.stdout.contains("\u{07}"))
        #expect(run.stdout.contains(#"PWNED\u{7}"#))
    }
}
