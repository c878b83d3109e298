import AbsherReading
import AbsherSchema
import Foundation

/// What the field rules of contract §2 and §3 make of one record.
public struct RowResult: Sendable {
    public var line: Int
    /// The valid ID in the ID column, after normalisation, whatever the row's other findings:
    /// it makes the record *present* in this run (contract §5.5).
    public var claimedID: String?
    /// The canonical record, or nil when the row has an error.
    public var record: CanonicalRecord?
    public var findings: [Finding]

    package init(line: Int, claimedID: String? = nil, record: CanonicalRecord? = nil, findings: [Finding]) {
        self.line = line
        self.claimedID = claimedID
        self.record = record
        self.findings = findings
    }

    public var hasError: Bool { record == nil }
}
