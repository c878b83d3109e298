import Foundation

/// A tmpfs of a few KiB mounted on a fresh folder (root only), for full-disk tests; `unmount()` always.
struct TinyFileSystem {
    let path: String

    /// Whether this process may mount (root); tests are skipped otherwise.
    static var canMount: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount") }

    /// Mounts a tmpfs of `kilobytes` KiB on `path` (created); nil when `mount` fails.
    init?(at path: String, kilobytes: Int) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard Self.command("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0700", "tmpfs", path]) == 0
        else { return nil }
        self.path = path
    }

    func unmount() {
        _ = Self.command("/bin/umount", [path])
    }

    /// Fills the file system up with one file of zeros.
    func fill() {
        let handle =
            FileHandle(forWritingAtPath: path + "/filler")
            ?? {
                _ = FileManager.default.createFile(atPath: path + "/filler", contents: nil)
                return FileHandle(forWritingAtPath: path + "/filler")
            }()
        let chunk = Data(count: 4096)
        while (try? handle?.write(contentsOf: chunk)) != nil {}
        try? handle?.close()
    }

    private static func command(_ executable: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
