import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// Per input file: what was read and what became of it.
public struct FileSummary: Sendable {
    public var input: InputFile
    public var sha256: String
    public var encoding: TextEncoding?
    public var delimiter: UInt8?
    public var rows: Int
    public var accepted: Int
    public var rejected: Int
    public var warnings: Int
    /// Indexes (0-based, in file order, header excluded) of the rejected records.
    public var rejectedRows: [Int]

    public init(
        input: InputFile, sha256: String, encoding: TextEncoding? = nil, delimiter: UInt8? = nil, rows: Int,
        accepted: Int, rejected: Int, warnings: Int, rejectedRows: [Int]
    ) {
        self.input = input
        self.sha256 = sha256
        self.encoding = encoding
        self.delimiter = delimiter
        self.rows = rows
        self.accepted = accepted
        self.rejected = rejected
        self.warnings = warnings
        self.rejectedRows = rejectedRows
    }
}
