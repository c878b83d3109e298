import AbsherRules
import AbsherSchema
import AbsherStore

/// Findings about the store rather than a row: records whose stored ID has not the shape of its kind
/// (`store.invalid-record`, contract §5.8), which the run leaves exactly as they are.
enum StoreFindings {
    /// The most records of one kind named one by one; the rest are counted in the last finding's message.
    static let namedLimit = 100

    /// One `store.invalid-record` error for each such record of the kinds in `kinds` (at most `namedLimit` a
    /// kind), with no file and no line.
    static func invalidRecords(in store: any RunStore, kinds: [RecordKind]) throws -> [Finding] {
        var findings: [Finding] = []
        for kind in kinds {
            let invalid = try store.invalidStoredIDs(kind, limit: namedLimit)
            for (index, id) in invalid.ids.enumerated() {
                var message =
                    "The stored \(kind.rawValue) record with ID '\(Finding.capped(id))' does not have the shape of a "
                    + "\(kind.rawValue) ID; it is left as it is, neither compared, updated nor deactivated."
                let rest = invalid.total - invalid.ids.count
                if index == invalid.ids.count - 1 && rest > 0 {
                    message += " And \(FindingList.groupedDigits(rest)) more such \(kind.rawValue) records."
                }
                findings.append(
                    Finding(
                        file: "", line: nil, recordID: id, field: kind.idColumn.rawValue, rule: .storeInvalidRecord,
                        message: message, value: id))
            }
        }
        return findings
    }
}
