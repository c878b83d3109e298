import Foundation
import Testing

/// Log lines and progress on stderr: JSON for shippers, no colour and no progress outside a terminal.
@Suite struct LoggingTests {
    @Test func jsonLogLinesParseAndCarryFileLineAndExit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.unusableSponsors)
        let run = try BinaryRun.run(
            ["validate", "in", "--reports", "out", "--log-format=json"], in: folder.url)
        #expect(run.status == 65)
        let lines = run.stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        var last: [String: Any] = [:]
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["time"] is String)
            #expect(object?["level"] is String)
            #expect(object?["message"] is String)
            last = object ?? [:]
        }
        #expect(last["level"] as? String == "error")
        #expect(last["file"] as? String == "in/sponsors.csv")
        #expect(last["line"] as? Int == 1)
        #expect(last["exit"] as? Int == 65)
    }

    @Test func textLogLineHasTimestampAndLevelAndNoColourInAPipe() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("in/sponsors.csv", TemporaryFolder.unusableSponsors)
        let run = try BinaryRun.run(
            ["validate", "in", "--reports", "out"], in: folder.url, environment: ["NO_COLOR": nil])
        let line = run.stderr.split(separator: "\n").last.map(String.init) ?? ""
        let parts = line.split(separator: " ", maxSplits: 2)
        #expect(parts.count == 3)
        #expect(parts.first?.count == 20 && parts.first?.hasSuffix("Z") == true)
        #expect(parts.dropFirst().first == "ERROR")
        #expect(!run.stderr.contains("\u{1B}"))
    }

    /// Big enough (over 4 MiB) for the reader to report progress several times.
    static func writeLargeSponsors(_ folder: TemporaryFolder) throws {
        var text = "sponsor_id,sponsor_type,name\n"
        text.reserveCapacity(6 << 20)
        for index in 0..<160_000 {
            text += "\(7_000_000_000 + index),establishment,Establishment number \(index)\n"
        }
        try folder.write("in/sponsors.csv", text)
    }

    @Test func noProgressWhenStderrIsAPipe() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.writeLargeSponsors(folder)
        let run = try BinaryRun.run(["validate", "in", "--reports", "out"], in: folder.url)
        #expect(run.status == 0)
        #expect(!run.stderr.contains("\r"))
        #expect(!run.stderr.contains("\u{1B}"))
        #expect(!run.stderr.contains("rows/s"))
    }

    /// `script(1)` gives the binary a terminal: progress is drawn and cleared there, and --quiet or a pipe
    /// suppress it; the level word is coloured unless NO_COLOR is set.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func progressAndColourOnlyOnATerminal() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Self.writeLargeSponsors(folder)
        try folder.write("bad/sponsors.csv", TemporaryFolder.unusableSponsors)
        func onTerminal(_ arguments: String, noColor: String? = nil) throws -> String {
            let command = "\(BinaryRun.executable) \(arguments)"
            return try BinaryRun.run(
                [], in: folder.url, environment: ["NO_COLOR": noColor, "TERM": "xterm"],
                shell: "exec /usr/bin/script -qec '\(command)' /dev/null #"
            ).stdout
        }
        let progress = try onTerminal("validate in --reports out")
        #expect(progress.contains("sponsors.csv: "))
        #expect(progress.contains("\r\u{1B}[2K"))
        let quiet = try onTerminal("validate in --reports out --quiet")
        #expect(!quiet.contains("sponsors.csv: "))
        let colored = try onTerminal("validate bad --reports out")
        #expect(colored.contains("\u{1B}[1;31mERROR\u{1B}[0m"))
        let plain = try onTerminal("validate bad --reports out", noColor: "1")
        #expect(plain.contains(" ERROR "))
        #expect(!plain.contains("\u{1B}["))
    }
}
