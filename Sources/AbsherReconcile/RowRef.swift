/// A row of one of the run's files: its file's index in the scans and its row's index in the file.
struct RowRef: Hashable {
    var file: Int32
    var row: Int32

    init(file: Int32, row: Int32) {
        self.file = file
        self.row = row
    }

    /// From `packed`.
    init(packed: UInt64) {
        file = Int32(truncatingIfNeeded: PackedKey<FileRow>.high(packed))
        row = Int32(truncatingIfNeeded: PackedKey<FileRow>.low(packed))
    }

    /// `file << 30 | row` (`FileRow`): 32 bits, for the tables sorted by a key above it.
    var packed: UInt64 { PackedKey<FileRow>.pack(UInt64(UInt32(file)), UInt64(UInt32(row))) }
}
