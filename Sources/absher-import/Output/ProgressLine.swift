import AbsherImport
import Foundation

/// Progress on stderr, only when stderr is a terminal: per file, rows read, rows/s, time left from bytes read,
/// redrawn in place at most a few times a second, cleared at the end.
enum ProgressLine {
    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var lastDraw = 0.0
        var started = Date()
        var drawn = false
    }
    private static let state = State()

    static func handler(enabled: Bool) -> ProgressHandler? {
        guard enabled, Console.stderrIsTerminal else { return nil }
        state.started = Date()
        return { file, bytesRead, fileSize, rows in
            let state = ProgressLine.state
            state.lock.lock()
            defer { state.lock.unlock() }
            let now = Date().timeIntervalSince(state.started)
            guard now - state.lastDraw >= 0.25 || bytesRead >= fileSize else { return }
            state.lastDraw = now
            let rate = now > 0 ? Double(rows) / now : 0
            let fraction = fileSize > 0 ? Double(bytesRead) / Double(fileSize) : 1
            let left = fraction > 0 ? now / fraction - now : 0
            let line = String(
                format: "%@: %d rows, %.0f rows/s, %.0f%%, about %.0f s left", file.name, rows, rate, fraction * 100, left)
            Console.err("\r\u{1B}[2K" + line)
            state.drawn = true
        }
    }

    static func clear(enabled: Bool) {
        guard enabled, Console.stderrIsTerminal, state.drawn else { return }
        Console.err("\r\u{1B}[2K")
    }
}
