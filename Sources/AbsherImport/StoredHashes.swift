import AbsherSchema
import AbsherStore

/// The content hashes of a store's active records, sorted: what a later night's first pass asks of each row
/// that passes the field rules, to keep in memory the records the store does not hold as they are (the few a
/// night changes) instead of reading the file again for them (`KeptRecords`).
///
/// 8 bytes a stored record (and 256 KiB), for the length of the first pass (`release`). Read by the threads
/// of the first pass, released once they are done (hence unchecked). A row whose hash is found may still need a
/// merge (the hash of another ID's record, which does not happen in practice for whole records, or a record
/// the store holds under the same ID but inactive is left out here): the merge then reads the file again.
final class StoredHashes: @unchecked Sendable {
    private var hashes: [UInt64] = []
    /// Where the hashes with each value of the top 16 bits start (65,537 entries): hashes are uniform, so a
    /// lookup searches a handful of them.
    private var starts: [Int32] = []

    var count: Int { hashes.count }

    init(_ store: any StoredRecords, kinds: [RecordKind]) throws {
        try store.forEachActiveHash(of: Set(kinds)) { hashes.append($0) }
        hashes.sort()
        starts = [Int32](repeating: 0, count: (1 << 16) + 1)
        var bucket = 0
        for (index, hash) in hashes.enumerated() {
            let top = Int(hash >> 48)
            while bucket <= top {
                starts[bucket] = Int32(index)
                bucket += 1
            }
        }
        while bucket <= 1 << 16 {
            starts[bucket] = Int32(hashes.count)
            bucket += 1
        }
    }

    /// Lets go of the hashes (the first pass is over): nothing is found from then on.
    func release() {
        hashes = []
        starts = []
    }

    func contains(_ hash: UInt64) -> Bool {
        guard !starts.isEmpty else { return false }
        let top = Int(hash >> 48)
        var low = Int(starts[top])
        var high = Int(starts[top + 1])
        while low < high {
            let middle = (low + high) / 2
            if hashes[middle] < hash { low = middle + 1 } else { high = middle }
        }
        return low < Int(starts[top + 1]) && hashes[low] == hash
    }
}
