import AbsherSchema

/// Every stored record of a kind in one pass, as the comparison of a run's rows with the store reads them.
public protocol StoredRecords {
    /// Calls `body` with each record of `kind`: its ID as a number, whether it is active, and its content
    /// hash, in no specified order.
    func forEachStored(_ kind: RecordKind, _ body: (_ id: UInt64, _ active: Bool, _ hash: UInt64) throws -> Void)
        throws

    /// Calls `body` with the content hash of each active record of `kinds` (and maybe of other kinds: a hash
    /// covers its kind, so it never equals the hash of a record of another kind), in no specified order. An
    /// engine may read a table once for several kinds; the default reads `forEachStored` of each kind.
    func forEachActiveHash(of kinds: Set<RecordKind>, _ body: (_ hash: UInt64) throws -> Void) throws

    /// `forEachStored` of citizens and residents together, each record with its kind, in no specified order:
    /// an engine that keeps both in one table reads it once. The default reads `forEachStored` of each kind.
    func forEachStoredPerson(
        _ body: (_ kind: RecordKind, _ id: UInt64, _ active: Bool, _ hash: UInt64) throws -> Void
    ) throws
}

extension StoredRecords {
    public func forEachStoredPerson(
        _ body: (_ kind: RecordKind, _ id: UInt64, _ active: Bool, _ hash: UInt64) throws -> Void
    ) throws {
        for kind in [RecordKind.citizen, .resident] {
            try forEachStored(kind) { id, active, hash in try body(kind, id, active, hash) }
        }
    }

    public func forEachActiveHash(of kinds: Set<RecordKind>, _ body: (_ hash: UInt64) throws -> Void) throws {
        for kind in RecordKind.allCases where kinds.contains(kind) {
            try forEachStored(kind) { _, active, hash in
                if active { try body(hash) }
            }
        }
    }
}
