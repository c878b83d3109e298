import Foundation

/// One change the merge made (or would make), as `changes.csv` lists it.
public struct Change: Sendable, Hashable {
    public var recordID: String
    public var kind: RecordKind
    public var change: ChangeKind
    public var field: String
    public var oldValue: String
    public var newValue: String

    public init(
        recordID: String, kind: RecordKind, change: ChangeKind, field: String = "", oldValue: String = "",
        newValue: String = ""
    ) {
        self.recordID = recordID
        self.kind = kind
        self.change = change
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
    }
}
