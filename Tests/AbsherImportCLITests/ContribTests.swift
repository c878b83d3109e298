import Foundation
import Testing

/// The files in contrib/ and Scripts/: they name only options that exist, systemd accepts the units, and
/// Scripts/install puts the binary and the man page under PREFIX.
@Suite struct ContribTests {
    static let contrib = BinaryRun.packageRoot.appendingPathComponent("contrib")

    /// Every `absher-import-nightly …` line of the crontab and the service, as words: `run` and its options.
    static func invocations() throws -> [[String]] {
        var lines: [[String]] = []
        for name in ["absher-import.cron", "absher-import.service"] {
            let text = try String(contentsOf: contrib.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let words = line.split(separator: " ").map(String.init)
                guard let index = words.firstIndex(where: { $0.hasSuffix("/absher-import-nightly") }) else {
                    continue
                }
                lines.append(["run"] + words[(index + 1)...])
            }
        }
        return lines
    }

    @Test func contribFilesNameOnlyOptionsTheCommandHas() throws {
        let invocations = try Self.invocations()
        #expect(invocations.count == 2)
        for words in invocations {
            guard let command = words.first else { continue }
            let help = try BinaryRun.run(["help", command])
            #expect(help.status == 0, "no command \(command)")
            for option in words where option.hasPrefix("--") {
                #expect(help.stdout.contains("  \(option)"), "help for \(command) does not list \(option)")
            }
        }
    }

    @Test func crontabLineHasFiveTimeFieldsAUserAndQuiet() throws {
        let text = try String(
            contentsOf: Self.contrib.appendingPathComponent("absher-import.cron"), encoding: .utf8)
        let jobs = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.contains("=") }
        #expect(jobs.count == 1)
        let words = jobs.first?.split(separator: " ") ?? []
        #expect(words.count > 7)
        #expect(
            words.dropLast(words.count - 5).allSatisfy {
                $0.allSatisfy { $0.isNumber || "*/,-".contains($0) }
            })
        #expect(words.dropFirst(6).first == "/usr/lib/absher-import/absher-import-nightly")
        #expect(
            words.contains("--quiet") && words.contains("--lock-timeout") && words.contains("--reports"))
        #expect(text.contains("MAILTO="))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
    func systemdAcceptsTheUnits() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // Point ExecStart at the nightly script in contrib/: verify checks that the executable exists.
        for name in ["absher-import.service", "absher-import.timer", "absher-import-failure@.service"] {
            let text = try String(contentsOf: Self.contrib.appendingPathComponent(name), encoding: .utf8)
            try folder.write(
                name,
                text.replacingOccurrences(
                    of: "/usr/lib/absher-import/absher-import-nightly",
                    with: Self.contrib.appendingPathComponent("absher-import-nightly").path))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
        process.arguments = [
            "verify", "--man=no", "absher-import.service", "absher-import.timer",
            "absher-import-failure@.service",
        ]
        process.currentDirectoryURL = folder.url
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(String(decoding: data, as: UTF8.self))")
        #expect(data.isEmpty, "\(String(decoding: data, as: UTF8.self))")
    }

    @Test func installScriptCopiesBinaryAndManPageUnderPrefix() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [BinaryRun.packageRoot.appendingPathComponent("Scripts/install").path]
        var environment = ProcessInfo.processInfo.environment
        environment["PREFIX"] = folder.path
        environment["BINARY"] = BinaryRun.executable
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.isExecutableFile(atPath: folder.path + "/bin/absher-import"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/share/man/man1/absher-import.1"))
        #expect(FileManager.default.isExecutableFile(atPath: folder.path + "/lib/absher-import/absher-import-nightly"))
        for path in [
            "share/bash-completion/completions/absher-import", "share/zsh/vendor-completions/_absher-import",
            "share/fish/vendor_completions.d/absher-import.fish",
        ] {
            let text = try String(contentsOfFile: folder.path + "/" + path, encoding: .utf8)
            #expect(text.contains("absher-import") && text.contains("max-reject-rate"), "\(path)")
        }
        // The installed copy carries the commit it was built from (Scripts/stamp-commit); the built one not.
        let installed = try PackagingTests.shell("'\(folder.path)/bin/absher-import' --version")
        #expect(installed.status == 0)
        let head = try PackagingTests.shell("git -C '\(BinaryRun.packageRoot.path)' rev-parse HEAD").output
        #expect(head.count == 41)
        #expect(installed.output.contains("\ncommit: \(head.dropLast())"), "\(installed.output)")
        #expect(try BinaryRun.run(["--version"]).stdout.contains("\ncommit: unknown\n"))
    }
}
