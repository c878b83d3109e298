import AbsherSchema
import AbsherStore

/// The content hashes of a store's active records, sorted: what a later night's first pass asks of each row
/// that passes the field rules, to keep in memory the records the store does not hold as they are (the few a
/// night changes) instead of reading the file again for them (`KeptRecords`).
///
/// 8 bytes a stored record, for the length of the first pass. A row whose hash is found may still need a
/// merge (the hash of another ID's record, which does not happen in practice for whole records, or a record
/// the store holds under the same ID but inactive is left out here): the merge then reads the file again.
struct StoredHashes {
    private var hashes: [UInt64] = []

    var count: Int { hashes.count }

    init(_ store: any StoredRecords, kinds: [RecordKind]) throws {
        for kind in Set(kinds).sorted(by: { $0.rawValue < $1.rawValue }) {
            try store.forEachStored(kind) { _, active, hash in
                if active { hashes.append(hash) }
            }
        }
        hashes.sort()
    }

    func contains(_ hash: UInt64) -> Bool {
        var low = 0
        var high = hashes.count
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < hashes.count && hashes[low] == hash
    }
}
