import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// Writes to stdout and stderr directly with `write(2)`, unbuffered and in a loop that retries on `EINTR`,
/// so nothing is lost or reordered at `exit()`.
enum Console {
    static func out(_ text: String) { write(STDOUT_FILENO, text) }
    static func err(_ text: String) { write(STDERR_FILENO, text) }

    static func write(_ descriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// Whether stderr is a terminal (`isatty(3)`); progress and colour need one.
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The terminal's width for the progress line: `COLUMNS` when set, else 80.
    static var terminalColumns: Int {
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(text),
            columns > 10
        {
            return columns
        }
        return 80
    }

    /// Colour on stderr: only on a terminal that is not `TERM=dumb`, and never when `NO_COLOR` is set to a
    /// non-empty value (https://no-color.org).
    static var stderrWantsColor: Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return stderrIsTerminal
    }
}
