import Foundation

/// Writes to stdout and stderr directly (unbuffered, in a loop), so output is never lost at exit.
enum Console {
    static func out(_ text: String) { write(1, text) }
    static func err(_ text: String) { write(2, text) }

    static func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
        bytes.removeAll()
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

/// Log lines on stderr: `2026-11-25T02:15:00Z ERROR message`, or one JSON object a line.
struct Logger: Sendable {
    enum Format: String, Sendable { case text, json }
    var format: Format = .text
    var quiet = false

    func info(_ message: String) { if !quiet { emit("INFO", message) } }
    func warning(_ message: String) { if !quiet { emit("WARN", message) } }
    func error(_ message: String) { emit("ERROR", message) }

    private func emit(_ level: String, _ message: String) {
        let formatter = ISO8601DateFormatter()
        let time = formatter.string(from: Date())
        switch format {
        case .text:
            Console.err("\(time) \(level) \(message)\n")
        case .json:
            let object: [(String, String)] = [("time", time), ("level", level.lowercased()), ("message", message)]
            let body = object.map { "\(Self.quote($0.0)):\(Self.quote($0.1))" }.joined(separator: ",")
            Console.err("{\(body)}\n")
        }
    }

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
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
