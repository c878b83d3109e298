import AbsherReports
import AbsherScan
import AbsherSchema
import AbsherStore

/// The pairs of contract §4b between the reconciler and the store: the names of this run's records, which
/// the matcher only knows normalised, read back from the store after the merge (for the pair view of
/// report.html), and the pairs as `match_pairs` keeps them.
enum MatchRecords {
    /// At most this many pairs get their names read back (report.html shows fewer).
    static let namedLimit = 1_000

    static func fillNames(_ matches: inout [PersonMatch], from store: any RecordWriter) throws {
        for index in matches.indices.prefix(namedLimit) {
            for keyPath in [\PersonMatch.record, \PersonMatch.other] where !matches[index][keyPath: keyPath].fromStore {
                let side = matches[index][keyPath: keyPath]
                guard let record = try store.find(side.kind, id: side.id, unlessHash: nil)?.record else { continue }
                matches[index][keyPath: keyPath].nameAr = record[.nameAr]
                matches[index][keyPath: keyPath].nameEn = record[.nameEn]
            }
        }
    }

    static func stored(_ match: PersonMatch) -> StoredMatchPair {
        StoredMatchPair(
            firstID: match.record.id, firstKind: match.record.kind.rawValue, secondID: match.other.id,
            secondKind: match.other.kind.rawValue, score: match.score, reasons: match.reasons.joined(separator: ","),
            runKey: "")
    }
}
