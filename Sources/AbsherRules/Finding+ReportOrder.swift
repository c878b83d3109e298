import AbsherReading
import AbsherSchema

extension Finding {
    /// The order of `rejects.csv`: by file, then line (file findings first), field, rule.
    package static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        let left = lhs.line ?? 0
        let right = rhs.line ?? 0
        if left != right { return left < right }
        if lhs.field != rhs.field { return lhs.field < rhs.field }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.value < rhs.value
    }
}

extension Array where Element == Finding {
    /// Sorts the findings in `Finding.reportOrder`, keeping the order of those it holds equal (a stable sort):
    /// by their indexes and a key of file and line, not by moving the findings (each holds several strings)
    /// at every step; the rest of the order is asked only of findings of one line.
    package mutating func sortInReportOrder() {
        guard count > 1 else { return }
        var fileRanks: [String: UInt64] = [:]
        for finding in self where fileRanks[finding.file] == nil { fileRanks[finding.file] = 0 }
        for (rank, file) in fileRanks.keys.sorted().enumerated() { fileRanks[file] = UInt64(rank) }
        // A line fits in 40 bits (a file of more than a trillion lines is not read), the file's rank above it.
        let lineBits: UInt64 = 40
        let keys = map { finding in
            fileRanks[finding.file]! << lineBits | UInt64(Swift.min(Swift.max(finding.line ?? 0, 0), (1 << 40) - 1))
        }
        var order = withUnsafeBufferPointer { findings in
            [Int](indices).sorted { a, b in
                if keys[a] != keys[b] { return keys[a] < keys[b] }
                let (x, y) = (findings[a], findings[b])
                if x.field != y.field { return x.field < y.field }
                if x.rule != y.rule { return x.rule < y.rule }
                if x.value != y.value { return x.value < y.value }
                return a < b
            }
        }
        // The findings moved into their places along the permutation's cycles: no second array of them (a
        // night's findings can be many megabytes).
        for start in order.indices where order[start] >= 0 {
            var index = start
            let held = self[start]
            while true {
                let from = order[index]
                order[index] = -1
                if from == start {
                    self[index] = held
                    break
                }
                self[index] = self[from]
                index = from
            }
        }
    }
}
