import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// Progress on stderr, only when stderr is a terminal and `--quiet` is off: per file being read, rows read,
/// rows/s and the time left estimated from bytes read; redrawn in place (`\r` + erase line) at most four times
/// a second, and cleared at the end. Files are read two at a time, so the line shows every file in progress.
enum ProgressLine {
    /// Seconds between two redraws.
    static let redrawIntervalSeconds = 0.25

    private struct FileProgress {
        var startedAt: Double
        var rows = 0
        var bytesRead = 0
        var fileSize = 0
        var done = false
    }

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var active = false
        var drawn = false
        var lastDrawAt = -Double.infinity
        var files: [String: FileProgress] = [:]
        var order: [String] = []
    }

    private static let state = State()

    /// The handler to give the pipeline, or nil (no progress at all) when not enabled or not on a terminal.
    static func handler(enabled: Bool) -> ProgressHandler? {
        guard enabled, Console.stderrIsTerminal else { return nil }
        state.lock.lock()
        state.active = true
        state.files = [:]
        state.order = []
        state.lock.unlock()
        return { file, bytesRead, fileSize, rows in
            ProgressLine.update(file.name, bytesRead: bytesRead, fileSize: fileSize, rows: rows)
        }
    }

    /// Erases the line, if drawn, and stops drawing.
    static func clear(enabled: Bool = true) {
        state.lock.lock()
        defer { state.lock.unlock() }
        if state.drawn { Console.err("\r\u{1B}[2K") }
        state.drawn = false
        state.active = false
    }

    /// Called by the logger: a log line must not be written over a progress line. The next update redraws it.
    static func eraseBeforeLog() {
        state.lock.lock()
        defer { state.lock.unlock() }
        if state.drawn { Console.err("\r\u{1B}[2K") }
        state.drawn = false
        state.lastDrawAt = -Double.infinity
    }

    private static func update(_ name: String, bytesRead: Int, fileSize: Int, rows: Int) {
        let now = monotonicSeconds()
        state.lock.lock()
        defer { state.lock.unlock() }
        guard state.active else { return }
        if state.files[name] == nil {
            state.files[name] = FileProgress(startedAt: now)
            state.order.append(name)
        }
        state.files[name]!.rows = rows
        state.files[name]!.bytesRead = bytesRead
        state.files[name]!.fileSize = fileSize
        state.files[name]!.done = fileSize > 0 && bytesRead >= fileSize
        guard now - state.lastDrawAt >= redrawIntervalSeconds else { return }
        state.lastDrawAt = now
        let parts = state.order.compactMap { name -> String? in
            guard let file = state.files[name], !file.done else { return nil }
            return describe(name, file, now: now)
        }
        var line = parts.joined(separator: " | ")
        let width = Console.terminalColumns - 1
        if line.count > width { line = String(line.prefix(width - 1)) + "…" }
        Console.err("\r\u{1B}[2K" + line)
        state.drawn = !line.isEmpty
    }

    private static func describe(_ name: String, _ file: FileProgress, now: Double) -> String {
        let elapsed = max(now - file.startedAt, 0.001)
        let fraction = file.fileSize > 0 ? min(Double(file.bytesRead) / Double(file.fileSize), 1) : 0
        var text = "\(TerminalText.escaped(name)): \(grouped(file.rows)) rows"
        if elapsed >= 0.5 { text += ", \(grouped(Int(Double(file.rows) / elapsed))) rows/s" }
        text += ", \(Int(fraction * 100))%"
        if fraction > 0.01 && elapsed >= 1 {
            text += ", about \(duration(elapsed / fraction - elapsed)) left"
        }
        return text
    }

    /// 1234567 as `1,234,567`.
    static func grouped(_ number: Int) -> String { DigitGrouping.grouped(number) }

    /// Seconds as `42s`, `3m05s` or `1h02m`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        if total < 60 { return "\(total)s" }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        if total < 3600 { return "\(total / 60)m\(two(total % 60))s" }
        return "\(total / 3600)h\(two(total % 3600 / 60))m"
    }

    private static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
