import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// What a run did to a fatal error: the one place where errors become exit codes.
public struct RunFailure: Error, Sendable, CustomStringConvertible {
    public var status: ExitStatus
    public var message: String
    /// Where it happened, when a file and line are known.
    public var file: String?
    public var line: Int?

    public init(_ status: ExitStatus, _ message: String, file: String? = nil, line: Int? = nil) {
        self.status = status
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String {
        var place = ""
        if let file { place = line.map { "\(file):\($0): " } ?? "\(file): " }
        return place + message
    }
}
