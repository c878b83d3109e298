/// Where the merge reports the changes it makes: counted per kind, and each one kept or written out.
public protocol ChangeSink: AnyObject {
    /// Counts `records` records under `kind` without a row (for `unchanged`).
    func count(_ kind: ChangeKind, _ records: Int)
    /// One change; `countRecord` counts the record once under its change kind.
    func add(_ change: Change, countRecord: Bool) throws
}
