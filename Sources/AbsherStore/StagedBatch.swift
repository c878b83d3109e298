import AbsherRules
import AbsherSchema
import Dispatch
import Foundation

/// Rows of one file that passed the field rules, on their way to a first load's staging table, packed as
/// the text values the insert binds (`RecordStore.stageColumns`): one byte buffer and a span per value, so
/// that the SQLite thread binds pointers into it and neither copies nor frees a string per value.
package struct StagedBatch: Sendable {
    package let kind: RecordKind
    /// Per row: the staging rowid, `key(file:row:)`.
    package private(set) var keys: [Int64] = []
    /// Per row: the record's content hash.
    package private(set) var hashes: [UInt64] = []
    package private(set) var bytes: [UInt8] = []
    /// Per row, `textCount` spans into `bytes`: offset and length, length -1 for NULL.
    package private(set) var spans: [(offset: Int32, length: Int32)] = []

    package init(kind: RecordKind, capacity: Int) {
        self.kind = kind
        keys.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        spans.reserveCapacity(capacity * Self.textCount(kind))
        bytes.reserveCapacity(capacity * 192)
    }

    package var count: Int { keys.count }

    /// The staging rowid of row `row` of the run's file number `file`: unique in the run, in file order.
    package static func key(file: Int, row: Int) -> Int64 { Int64(file) << 40 | Int64(row) }

    /// Text values per row: the ID, every field, and for people the username key.
    package static func textCount(_ kind: RecordKind) -> Int { 1 + kind.fields.count + (kind.isPerson ? 1 : 0) }

    package mutating func append(key: Int64, record: CanonicalRecord, hash: UInt64) {
        keys.append(key)
        hashes.append(hash)
        appendText(record.id)
        for value in record.values { appendText(value) }
        if kind.isPerson { appendText(record[.username].map(Username.key)) }
    }

    private mutating func appendText(_ value: String?) {
        guard let value else {
            spans.append((0, -1))
            return
        }
        let offset = Int32(bytes.count)
        bytes.append(contentsOf: value.utf8)
        spans.append((offset, Int32(bytes.count) - offset))
    }

    package mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
    }
}
