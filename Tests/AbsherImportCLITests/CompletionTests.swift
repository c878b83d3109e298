import Foundation
import Testing

/// `absher-import completions bash|zsh|fish`: the bash script is loaded into bash and asked what it completes;
/// the zsh and fish scripts are checked by their shells.
@Suite struct CompletionTests {
    /// What the bash completion function offers for the words of a command line (the last one being completed).
    static func bashCompletions(_ words: [String], in folder: URL? = nil) throws -> [String] {
        let script = try BinaryRun.run(["completions", "bash"])
        #expect(script.status == 0)
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        let path = try scratch.write("absher-import.bash", script.stdout)
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let line = """
            source '\(path)'; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _absher_import; \
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--norc", "--noprofile", "-c", line]
        if let folder { process.currentDirectoryURL = folder }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The longest common prefix: what bash puts on the line when several completions match.
    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() { while !word.hasPrefix(prefix) { prefix.removeLast() } }
        return prefix
    }

    @Test func bashCompletesRuToRunAndMoToMode() throws {
        let commands = try Self.bashCompletions(["absher-import", "ru"])
        #expect(commands == ["run", "runs"])
        #expect(Self.commonPrefix(commands) == "run")
        #expect(try Self.bashCompletions(["absher-import", "run", "--mo"]) == ["--mode"])
    }

    @Test func bashCompletesOptionValuesAndFiles() throws {
        #expect(try Self.bashCompletions(["absher-import", "run", "--mode", ""]) == ["snapshot", "delta"])
        #expect(try Self.bashCompletions(["absher-import", "validate", "--report-language", ""]) == ["en", "ar"])
        #expect(try Self.bashCompletions(["absher-import", "run", "--log-format", "j"]) == ["json"])
        #expect(try Self.bashCompletions(["absher-import", "completions", ""]) == ["bash", "zsh", "fish"])
        #expect(try Self.bashCompletions(["absher-import", "run", "--now", ""]) == [])
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("nightly.sqlite", "")
        try folder.write("night-exports/citizens.csv", "")
        #expect(
            try Self.bashCompletions(["absher-import", "run", "--store", "nig"], in: folder.url).sorted() == [
                "night-exports", "nightly.sqlite",
            ])
        #expect(try Self.bashCompletions(["absher-import", "run", "nig"], in: folder.url) == ["night-exports"])
        #expect(try Self.bashCompletions(["absher-import", "validate", "night-exports/"], in: folder.url) == [])
    }

    @Test func bashOffersEveryOptionHelpLists() throws {
        for command in try HelpTests.listedCommands() {
            let help = try BinaryRun.run(["help", command]).stdout
            let options = help.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("  --") else { return nil }
                return line.dropFirst(2).split(separator: " ").first.map(String.init)
            }
            let offered = Set(try Self.bashCompletions(["absher-import", command, "--"]))
            #expect(offered == Set(options + ["--help"]), "\(command)")
        }
    }

    static func check(_ shell: String, arguments: [String]) throws -> (Int32, String) {
        let script = try BinaryRun.run(["completions", (shell as NSString).lastPathComponent])
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("completion", script.stdout)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = arguments + [path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh")))
    func zshScriptParses() throws {
        let (status, output) = try Self.check("/usr/bin/zsh", arguments: ["-n"])
        #expect(status == 0, "\(output)")
        #expect(output.isEmpty)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/fish")))
    func fishScriptParses() throws {
        let (status, output) = try Self.check("/usr/bin/fish", arguments: ["--no-execute"])
        #expect(status == 0, "\(output)")
        #expect(output.isEmpty)
    }

    @Test func unknownShellIsAUsageError() throws {
        let run = try BinaryRun.run(["completions", "tcsh"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("Error: SHELL must be bash, zsh or fish, not 'tcsh'."))
    }
}
