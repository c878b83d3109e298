import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// Log lines on stderr. Text: `2026-11-25T02:15:00Z ERROR message key=value`, the level word coloured only
/// when stderr is a terminal and `NO_COLOR` is unset; JSON (`--log-format json`): one object a line, with
/// `time`, `level`, `message` and the fields, for log shippers.
struct Logger: Sendable {
    enum Format: String, Sendable, CaseIterable { case text, json }

    enum Level: String, Sendable {
        case info, warning, error

        var word: String {
            switch self {
            case .info: "INFO"
            case .warning: "WARN"
            case .error: "ERROR"
            }
        }

        /// SGR colour of the level word: none, yellow, bold red.
        var colorCode: String? {
            switch self {
            case .info: nil
            case .warning: "33"
            case .error: "1;31"
            }
        }
    }

    /// A key and value added to a log line: `key=value` in text, a member in JSON (numbers stay numbers).
    struct Field: Sendable {
        enum Value: Sendable {
            case string(String)
            case integer(Int)
        }
        var key: String
        var value: Value

        static func string(_ key: String, _ value: String) -> Field {
            Field(key: key, value: .string(value))
        }
        static func integer(_ key: String, _ value: Int) -> Field {
            Field(key: key, value: .integer(value))
        }
    }

    var format: Format = .text
    /// Info and warnings are dropped; errors are always written.
    var quiet = false
    var colored = Console.stderrWantsColor

    func info(_ message: String, _ fields: [Field] = []) {
        if !quiet { emit(.info, message, fields) }
    }
    func warning(_ message: String, _ fields: [Field] = []) {
        if !quiet { emit(.warning, message, fields) }
    }
    func error(_ message: String, _ fields: [Field] = []) { emit(.error, message, fields) }

    /// A failed run's last line: what failed, where (file and line) and the exit code.
    func failure(_ failure: RunFailure, exitStatus: ExitStatus) {
        switch format {
        case .text:
            error("\(failure.description) (exit \(exitStatus.rawValue))")
        case .json:
            var fields: [Field] = []
            if let file = failure.file { fields.append(.string("file", file)) }
            if let line = failure.line { fields.append(.integer("line", line)) }
            fields.append(.integer("exit", Int(exitStatus.rawValue)))
            error(failure.message, fields)
        }
    }

    func emit(_ level: Level, _ message: String, _ fields: [Field]) {
        let text = line(level, message, fields, time: Self.timestamp(time(nil)))
        ProgressLine.eraseBeforeLog()
        Console.err(text)
    }

    /// One log line, newline included.
    func line(_ level: Level, _ message: String, _ fields: [Field], time: String) -> String {
        switch format {
        case .text:
            var word = level.word
            if colored, let code = level.colorCode { word = "\u{1B}[\(code)m\(word)\u{1B}[0m" }
            // Every value from outside is escaped: a file name cannot run an escape sequence or forge a line.
            var text = "\(time) \(word) \(TerminalText.escaped(message))"
            for field in fields {
                switch field.value {
                case .integer(let number): text += " \(field.key)=\(number)"
                case .string(let raw):
                    let value = TerminalText.escaped(raw)
                    let plain =
                        !value.isEmpty
                        && !value.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }
                    text += " \(field.key)=" + (plain ? value : Self.quote(value))
                }
            }
            return text + "\n"
        case .json:
            var text = "{\"time\":\(Self.quote(time)),\"level\":\(Self.quote(level.rawValue)),"
            text += "\"message\":\(Self.quote(message))"
            for field in fields {
                text += ",\(Self.quote(field.key)):"
                switch field.value {
                case .integer(let number): text += String(number)
                case .string(let value): text += Self.quote(value)
                }
            }
            return text + "}\n"
        }
    }

    /// UTC time to the second, `YYYY-MM-DDTHH:MM:SSZ` (`gmtime_r(3)`; no formatter object per line).
    static func timestamp(_ seconds: time_t) -> String {
        var clock = seconds
        var parts = tm()
        gmtime_r(&clock, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped, and so are the
    /// C1 controls, bidi controls and line separators that `TerminalText` escapes (as `\uXXXX`), so that a log
    /// viewer shows them as text.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if TerminalText.isUnsafe(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
