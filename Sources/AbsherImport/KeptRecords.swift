import AbsherSchema

/// One file's canonical records that a later night's first pass kept because the store holds no active
/// record with their content hash (new or changed rows, `StoredHashes`), in file order, up to a byte budget:
/// when every row the merge needs is among them, the file is read once. Over the budget, the file keeps
/// nothing and its merge reads it again, as it always did.
///
/// Written by the thread that scans the file, read by the run's thread once every scan is done
/// (`ImportRun.scanAll` returns after all of them), hence unchecked.
final class KeptRecords: @unchecked Sendable {
    private let hashes: StoredHashes
    private var budget: Int
    /// False once the budget ran out: the merge then reads the file again.
    private(set) var isComplete = true
    private var rows: [Int32] = []
    private var records: [CanonicalRecord] = []

    /// `budget`: bytes of records (an estimate: their text and a fixed cost per value) the file may keep.
    init(hashes: StoredHashes, budget: Int) {
        self.hashes = hashes
        self.budget = budget
    }

    /// For each row that passes the field rules, in file order.
    func offer(row: Int, record: CanonicalRecord, hash: UInt64) {
        guard isComplete, !hashes.contains(hash) else { return }
        var size = 64
        for value in record.values { size += 16 + (value?.utf8.count ?? 0) }
        budget -= size
        guard budget >= 0 else {
            isComplete = false
            rows = []
            records = []
            return
        }
        rows.append(Int32(row))
        records.append(record)
    }

    /// The records of `needed` (ascending row indexes), or nil when one of them was not kept. Lets go of
    /// what it kept.
    func take(_ needed: [Int32]) -> [CanonicalRecord]? {
        defer {
            rows = []
            records = []
        }
        guard isComplete else { return nil }
        var found: [CanonicalRecord] = []
        found.reserveCapacity(needed.count)
        var index = 0
        for row in needed {
            while index < rows.count && rows[index] < row { index += 1 }
            guard index < rows.count, rows[index] == row else { return nil }
            found.append(records[index])
        }
        return found
    }

    /// The byte budget of each file of a run against a store of `storedCount` active records: 8 MiB, and 4
    /// bytes a stored record (40 MB a file at 10M records: about 1.5% of them changed).
    static func budget(storedCount: Int) -> Int { (8 << 20) + 4 * storedCount }
}
