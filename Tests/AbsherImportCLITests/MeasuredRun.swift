import Foundation

/// A run of the built binary under `/usr/bin/time -f %M`: its exit status and its peak resident set size.
struct MeasuredRun {
    var status: Int32
    /// Peak RSS in KiB; nil when `/usr/bin/time` is missing.
    var peakKilobytes: Int?
    var stderr: String

    static let timeExists = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")

    /// Runs `absher-import arguments` in `folder` with output thrown away, measuring its peak RSS.
    static func run(_ arguments: [String], in folder: URL) throws -> MeasuredRun {
        let measured = folder.appendingPathComponent("peak-rss-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: measured) }
        // BinaryRun's shell line ends with `exec "$@"`: putting `time` in front of "$@" measures the binary.
        let prefix = timeExists ? "set -- /usr/bin/time -f %M -o '\(measured)' \"$@\"" : ":"
        let run = try BinaryRun.run(arguments, in: folder, shell: prefix)
        let text = (try? String(contentsOfFile: measured, encoding: .utf8)) ?? ""
        let peak = text.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        // `time` reports a signal as "Command terminated by signal N" and the shell's status as 128 + N.
        return MeasuredRun(status: run.status, peakKilobytes: peak, stderr: run.stderr)
    }
}
