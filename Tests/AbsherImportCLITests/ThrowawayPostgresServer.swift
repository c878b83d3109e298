import Foundation

/// A PostgreSQL server of the test's own, started by `Scripts/test-postgres start`, for faults that would
/// disturb the other tests on the shared server (a restart, a full tablespace). Stopped and removed by
/// `stop()`.
///
/// The script is never read through a pipe, nor started with Foundation's `Process`: the postmaster it
/// starts would inherit the pipe's write end (and `Process`'s own descriptors), so the end of the output,
/// or of the process as `Process` sees it, would never come. Its output goes to files, read once the
/// script has exited, and every wait for it has a timeout.
final class ThrowawayPostgresServer {
    /// The server's URI (socket, superuser), as `ABSHER_TEST_POSTGRES_URI`.
    let uri: String
    /// The server's folder (socket, data/, server.log).
    let folder: String
    /// An empty 1 MiB tmpfs owned by the server's user (as root), for a tablespace that fills up.
    let fullDiskFolder: String?

    struct ScriptFailure: Error, CustomStringConvertible {
        var description: String
    }

    static var script: String { BinaryRun.packageRoot.appendingPathComponent("Scripts/test-postgres").path }

    /// Starts a server (initdb in a fresh folder, a free port); waits at most `timeout` seconds.
    init(timeout: Double = 180) throws {
        let result = try Self.runScript(["start"], timeout: timeout)
        guard result.status == 0 else {
            throw ScriptFailure(description: "test-postgres start: exit \(result.status): \(result.stderr)")
        }
        var exports: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") where line.hasPrefix("export ") {
            let assignment = line.dropFirst("export ".count)
            guard let equals = assignment.firstIndex(of: "=") else { continue }
            let value = assignment[assignment.index(after: equals)...]
            exports[String(assignment[..<equals])] = String(value.trimmingCharacters(in: ["'"]))
        }
        guard let uri = exports["ABSHER_TEST_POSTGRES_URI"], let folder = exports["ABSHER_TEST_POSTGRES_DIR"] else {
            throw ScriptFailure(description: "test-postgres start printed no URI: \(result.stdout)")
        }
        self.uri = uri
        self.folder = folder
        fullDiskFolder = exports["ABSHER_TEST_POSTGRES_FULL_DISK_DIR"]
    }

    /// `pg_ctl restart -m mode` (immediate: a crash and recovery), same port and socket.
    func restart(mode: String, timeout: Double = 120) throws {
        let result = try Self.runScript(["restart", folder, mode], timeout: timeout)
        guard result.status == 0 else {
            throw ScriptFailure(description: "test-postgres restart: exit \(result.status): \(result.stderr)")
        }
    }

    /// Stops the server and removes its folder.
    func stop() {
        _ = try? Self.runScript(["stop", folder], timeout: 120)
    }

    /// Runs `Scripts/test-postgres` with stdout and stderr to files; kills it after `timeout` seconds.
    ///
    /// Through `posix_spawn`, not Foundation's `Process`: the child gets stdin, stdout and stderr and no other
    /// descriptor of the test process (`addclosefrom_np`), so the postmaster it leaves running holds nothing
    /// of ours open, and the wait is `waitpid` itself, which sees the script's exit whatever it left behind.
    static func runScript(_ arguments: [String], timeout: Double) throws -> BinaryRun {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard let closeFrom = Self.addCloseFrom else {
            throw ScriptFailure(description: "this C library has no posix_spawn_file_actions_addclosefrom_np")
        }
        _ = closeFrom(&actions, 3)
        let argv = ([script] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, script, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw ScriptFailure(description: "posix_spawn \(script): \(String(cString: strerror(spawned)))")
        }
        guard let status = waitForExit(pid, seconds: timeout) else {
            kill(pid, SIGKILL)
            _ = waitForExit(pid, seconds: 10)
            throw ScriptFailure(
                description: "test-postgres \(arguments.joined(separator: " ")): no exit in \(timeout) s")
        }
        return BinaryRun(
            status: status,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which the Glibc module does not
    /// export.
    static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? =
        {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
            else { return nil }
            return unsafeBitCast(
                symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
        }()

    /// Waits for child `pid` to exit, at most `seconds`; returns its exit status (128 + the signal when a
    /// signal ended it), or nil when it is still running.
    static func waitForExit(_ pid: pid_t, seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid {
                let signal = status & 0x7f
                return signal == 0 ? (status >> 8) & 0xff : 128 + signal
            }
            if reaped < 0 && errno != EINTR { return -1 }
            if Date() > deadline { return nil }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Waits for `process` to exit, at most `seconds`; returns whether it did.
    static func waitForExit(_ process: Process, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        return true
    }
}
