import AbsherReading
import AbsherSchema

/// One finding of one rule on one row (or one file), as `rejects.csv` lists it.
public struct Finding: Sendable, Hashable {
    /// The input file's name (not its full path).
    public var file: String
    /// The physical line where the record starts; 1 for header findings, nil for file findings.
    public var line: Int?
    /// The normalised ID of the record, when it has one.
    public var recordID: String
    /// The column's canonical name; empty for row- and file-level findings.
    public var field: String
    public var rule: RuleCode
    /// The message a reviewer reads: a sentence of the catalogue and its arguments, written in the report's
    /// language (and masked) only by the report (`FindingMessage`). `"\(message)"` is its English text.
    public var message: FindingMessage
    /// The offending value as read (never a password); may be empty.
    public var value: String

    public var severity: Severity { rule.severity }

    public init(
        file: String, line: Int?, recordID: String = "", field: String = "", rule: RuleCode,
        message: FindingMessage? = nil, value: String = ""
    ) {
        self.file = file
        self.line = line
        self.recordID = Self.capped(recordID)
        self.field = field
        self.rule = rule
        self.message = message ?? .summary(rule)
        self.value = Self.capped(value)
    }

    /// The most of a value a report shows (a 100 MB cell must not be copied into every report).
    package static let valueLimit = 256

    /// `text`, cut to `valueLimit` UTF-8 bytes on a character boundary, with `…` when cut.
    package static func capped(_ text: String) -> String {
        guard text.utf8.count > valueLimit else { return text }
        var end = text.startIndex
        var bytes = 0
        for index in text.indices {
            let next = text.index(after: index)
            bytes += text.utf8.distance(from: index, to: next)
            if bytes > valueLimit { break }
            end = next
        }
        return String(text[..<end]) + "…"
    }
}
