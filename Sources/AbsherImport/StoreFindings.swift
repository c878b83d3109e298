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
                let rest = invalid.total - invalid.ids.count
                let kindCode = MessageArgument.code(kind.rawValue)
                let message =
                    index == invalid.ids.count - 1 && rest > 0
                    ? FindingMessage(.storeInvalidRecordAndMore, kindCode, .id(Finding.capped(id)), .count(rest))
                    : FindingMessage(.storeInvalidRecord, kindCode, .id(Finding.capped(id)))
                findings.append(
                    Finding(
                        file: "", line: nil, recordID: id, field: kind.idColumn.rawValue, rule: .storeInvalidRecord,
                        message: message, value: id))
            }
        }
        return findings
    }
}
