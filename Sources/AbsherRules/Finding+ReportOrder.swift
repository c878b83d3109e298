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
