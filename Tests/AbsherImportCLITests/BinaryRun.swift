import Foundation

/// One run of the built `absher-import` binary: its exit status, stdout and stderr.
struct BinaryRun: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The package root: the first folder above this file that holds Package.swift.
    static let packageRoot: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// The binary `swift build` or `swift test` built: next to the test runner when it is there, else
    /// `.build/debug/absher-import` under the package root.
    static let executable: String = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidates: [String] = []
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("absher-import").path)
            folder.deleteLastPathComponent()
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/absher-import").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    /// Runs the binary with stdout and stderr redirected to files (no pipe can fill up and deadlock), stdin
    /// from /dev/null, and the environment changed by `environment` (nil removes a variable). `program` runs
    /// another program instead (such as `script(1)` around the binary).
    static func run(
        _ arguments: [String], in folder: URL? = nil, environment: [String: String?] = [:],
        shell prefix: String? = nil, program: String? = nil
    ) throws -> BinaryRun {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        if let program {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else if let prefix {
            // A shell line that ends by exec'ing the binary: "$@" holds the binary and its arguments.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", prefix + "; exec \"$@\"", "sh", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        var variables = ProcessInfo.processInfo.environment
        for (name, value) in environment { variables[name] = value }
        process.environment = variables
        if let folder { process.currentDirectoryURL = folder }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return BinaryRun(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
