import AbsherReading
import AbsherSchema

/// How a finding weighs: an error rejects the row, a warning lets it through.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
}
