import Foundation
import Testing

/// The release build as an operator installs it: the static binary with the Swift toolchain hidden, the Debian
/// package installed, run as `absher` and removed, and the nightly job's retries.
///
/// `.ci/run` builds the package with `Scripts/package-deb` before `swift test` and names it in `ABSHER_TEST_DEB`;
/// the tests that need it (and root, for `unshare` and `dpkg`) run only then.
@Suite(.serialized) struct PackagingTests {
    static let deb = ProcessInfo.processInfo.environment["ABSHER_TEST_DEB"]
    static let toolchain = "/opt/swift"
    static var canInstall: Bool { deb != nil && getuid() == 0 }

    /// Runs a shell line; stdout and stderr together.
    @discardableResult
    static func shell(_ line: String, in folder: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line]
        if let folder { process.currentDirectoryURL = folder }
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        let path = try scratch.write("output", "")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, try String(contentsOfFile: path, encoding: .utf8))
    }

    /// `line` in a mount namespace where the toolchain's folder is an empty tmpfs.
    static func withoutToolchain(_ line: String) -> String {
        "unshare -m sh -c 'mount -t tmpfs none \(toolchain) && ls -A \(toolchain) | wc -l && \(line)'"
    }

    /// SampleData copied where any user can read it.
    static func readableSampleData() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try shell(
            "cp -r '\(BinaryRun.packageRoot.path)/SampleData' '\(folder.path)/in' && chmod -R a+rX '\(folder.path)'")
        return folder
    }

    @Test(.enabled(if: canInstall))
    func staticBinaryRunsWithTheToolchainHiddenAndLinksNothingOfIt() throws {
        let folder = try Self.readableSampleData()
        defer { folder.remove() }
        try #require(try Self.shell("dpkg-deb -x '\(Self.deb!)' '\(folder.path)/root'").status == 0)
        let binary = folder.path + "/root/usr/bin/absher-import"
        let ldd = try Self.shell("ldd '\(binary)'")
        #expect(ldd.status == 0)
        #expect(!ldd.output.contains(Self.toolchain) && !ldd.output.contains("libswift"), "\(ldd.output)")
        #expect(!ldd.output.contains("not found"), "\(ldd.output)")
        #expect(ldd.output.contains("libsqlite3.so"))

        let version = try Self.shell(Self.withoutToolchain("\(binary) --version"))
        #expect(version.status == 0, "\(version.output)")
        // The first line is the number of entries left in the hidden toolchain folder.
        #expect(version.output.hasPrefix("0\nabsher-import "), "\(version.output)")
        let head = try Self.shell("git -C '\(BinaryRun.packageRoot.path)' rev-parse HEAD").output
        #expect(version.output.contains("\ncommit: \(head.prefix(40))"), "\(version.output)")
        let run = try Self.shell(
            Self.withoutToolchain(
                "\(binary) run in --now 2026-11-25 --max-reject-rate 1 --store s.sqlite --reports r --json"),
            in: folder.url)
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("\"status\": \"committed\""))
        // The debug build does need the toolchain: the hiding is real.
        let debug = try Self.shell(Self.withoutToolchain("\(BinaryRun.executable) --version"))
        #expect(debug.status == 127, "\(debug.output)")
    }

    @Test(.enabled(if: canInstall))
    func packageInstallsRunsAsAbsherAndIsRemoved() throws {
        let folder = try Self.readableSampleData()
        defer { folder.remove() }
        let install = try Self.shell("dpkg -i '\(Self.deb!)'")
        try #require(install.status == 0, "\(install.output)")
        defer { _ = try? Self.shell("dpkg --purge absher-import") }
        #expect(try Self.shell("getent passwd absher").output.contains(":/var/lib/absher-import:"))
        #expect(try Self.shell("stat -c '%a %U %G' /var/lib/absher-import").output == "700 absher absher\n")
        #expect(try Self.shell("stat -c '%U' /srv/absher/incoming").output == "absher\n")
        for path in [
            "/usr/bin/absher-import", "/usr/lib/absher-import/absher-import-nightly",
            "/usr/share/man/man1/absher-import.1.gz", "/usr/share/bash-completion/completions/absher-import",
            "/usr/share/zsh/vendor-completions/_absher-import",
            "/usr/share/fish/vendor_completions.d/absher-import.fish", "/lib/systemd/system/absher-import.service",
            "/lib/systemd/system/absher-import.timer",
        ] {
            #expect(FileManager.default.fileExists(atPath: path), "\(path) not installed")
        }
        let depends = try Self.shell("dpkg-query -W -f '${Depends}' absher-import").output
        #expect(depends.contains("libsqlite3-0 (>= "), "\(depends)")

        let store = "/var/lib/absher-import/ci-test.sqlite"
        let reports = "/var/lib/absher-import/ci-test-reports"
        defer { _ = try? Self.shell("rm -rf \(store) \(store)-wal \(store)-shm \(reports)") }
        let run = try Self.shell(
            Self.withoutToolchain(
                "runuser -u absher -- absher-import run in --now 2026-11-25 --max-reject-rate 1 --store \(store) --reports \(reports) --quiet"
            ), in: folder.url)
        #expect(run.status == 0, "\(run.output)")
        #expect(try Self.shell("stat -c '%U %a' \(store)").output == "absher 600\n")
        let runs = try Self.shell("runuser -u absher -- absher-import runs --store \(store) --json")
        #expect(runs.output.contains("\"status\": \"committed\""))

        let remove = try Self.shell("dpkg -r absher-import")
        #expect(remove.status == 0, "\(remove.output)")
        #expect(!FileManager.default.fileExists(atPath: "/usr/bin/absher-import"))
        // Removed, not purged: dpkg keeps the maintainer scripts until a purge (the store and user stay anyway).
        #expect(try Self.shell("dpkg-query -W -f '${Status}' absher-import").output == "deinstall ok config-files")
    }
}

/// `contrib/absher-import-nightly` with a stand-in binary that exits with the codes it is given, one per
/// attempt: what is retried, how often, and what is printed.
@Suite struct NightlyJobTests {
    static func nightly(codes: [Int32], retries: Int = 3) throws -> (status: Int32, attempts: Int, stderr: String) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("codes", codes.map(String.init).joined(separator: "\n") + "\n")
        let fake = try folder.write(
            "absher-import",
            """
            #!/bin/sh
            # Logs its arguments, then exits with the next code of the list.
            echo "$@" >> "\(folder.path)/attempts"
            code="$(head -1 "\(folder.path)/codes")"
            sed -i 1d "\(folder.path)/codes"
            echo "ERROR attempt failed (exit $code)" >&2
            [ "$code" = 0 ] && exec true
            exit "$code"

            """)
        chmod(fake, 0o755)
        let run = try BinaryRun.run(
            [],
            environment: [
                "ABSHER_NIGHTLY_BINARY": fake, "ABSHER_NIGHTLY_RETRIES": String(retries),
                "ABSHER_NIGHTLY_RETRY_DELAY": "0",
            ],
            shell: "exec '\(BinaryRun.packageRoot.path)/contrib/absher-import-nightly' /srv/in --quiet #")
        let attempts = (try? String(contentsOfFile: folder.path + "/attempts", encoding: .utf8)) ?? ""
        let lines = attempts.split(separator: "\n")
        #expect(lines.allSatisfy { $0 == "run /srv/in --quiet" })
        return (run.status, lines.count, run.stderr)
    }

    @Test func lockedStoreIsRetriedAndASuccessAfterwardsIsQuiet() throws {
        let result = try Self.nightly(codes: [75, 75, 0])
        #expect(result.status == 0)
        #expect(result.attempts == 3)
        // The last attempt's stderr only (the stand-in writes a line even on success).
        #expect(result.stderr == "ERROR attempt failed (exit 0)\n")
    }

    @Test func retriesAreBoundedAndTheLastFailureIsPrintedWithTheEarlierOnes() throws {
        let result = try Self.nightly(codes: [75, 69, 75, 75, 0], retries: 3)
        #expect(result.status == 75)
        #expect(result.attempts == 4)
        #expect(result.stderr.components(separatedBy: "ERROR attempt failed").count - 1 == 4)
        #expect(result.stderr.contains("attempt 4 of 4 exited 75"))
    }

    @Test(arguments: [Int32(1), 64, 65, 73, 74])
    func failureThatNeedsAPersonIsNotRetried(code: Int32) throws {
        let result = try Self.nightly(codes: [code, 0])
        #expect(result.status == code)
        #expect(result.attempts == 1)
        #expect(result.stderr == "ERROR attempt failed (exit \(code))\n")
    }
}

/// Help examples, contrib/ and the package name one set of paths.
@Suite struct InstallPathTests {
    @Test func helpContribAndPackageUseTheSamePaths() throws {
        let root = BinaryRun.packageRoot
        var help = ""
        for command in try HelpTests.listedCommands() { help += try BinaryRun.run(["help", command]).stdout }
        let texts = try ["contrib/absher-import.cron", "contrib/absher-import.service", "contrib/debian/postinst"]
            .map { try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }
        let allText = ([help] + texts).joined(separator: "\n")
        #expect(!allText.contains("/var/lib/absher/"))
        #expect(!allText.contains("/usr/local/bin/absher-import"))
        for path in ["/var/lib/absher-import/absher.sqlite", "/srv/absher/incoming"] {
            #expect(help.contains(path), "help lacks \(path)")
            #expect(texts[0].contains(path) && texts[1].contains(path), "contrib lacks \(path)")
        }
        #expect(texts[2].contains("/var/lib/absher-import") && texts[2].contains("/srv/absher/incoming"))
        let packaging = try String(contentsOf: root.appendingPathComponent("Scripts/package-deb"), encoding: .utf8)
        #expect(packaging.contains("PREFIX=/usr"))
        #expect(texts[0].contains("/usr/lib/absher-import/absher-import-nightly"))
    }
}
