import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Dispatch

/// The pairs of contract §4b between the reconciler and the store: the names of this run's records, which
/// the matcher only knows normalised, read back from the store after the merge (for the pair view of
/// report.html), and the pairs as `match_pairs` keeps them.
enum MatchRecords {
    /// The pairs that get their names read back: those report.html shows, the only place that shows names.
    static let namedLimit = HTMLReport.pairLimit

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

    /// The same for `validate`, which has no store: the names read back from the files, from the claiming rows
    /// of the records of the first `namedLimit` pairs only. A file that cannot be read again (changed since the
    /// first pass) leaves its records without names.
    static func fillNames(_ matches: inout [PersonMatch], from scans: [FileScan], validation: ValidationOptions) {
        var wanted: [RecordKind: Set<UInt64>] = [:]
        for match in matches.prefix(namedLimit) {
            for side in [match.record, match.other] where !side.fromStore {
                wanted[side.kind, default: []].insert(Digits.number(side.id))
            }
        }
        // One file a core.
        let wantedIDs = wanted
        let found = ResultBox<[String: (ar: String?, en: String?)]>(count: scans.count)
        DispatchQueue.concurrentPerform(iterations: scans.count) { file in
            guard let ids = wantedIDs[scans[file].input.kind], !ids.isEmpty else { return found.set(file, [:]) }
            found.set(file, Self.names(of: ids, in: scans[file], validation: validation))
        }
        var names: [String: (ar: String?, en: String?)] = [:]
        for fileNames in found.values { names.merge(fileNames) { first, _ in first } }
        for index in matches.indices.prefix(namedLimit) {
            for keyPath in [\PersonMatch.record, \PersonMatch.other] where !matches[index][keyPath: keyPath].fromStore {
                guard let found = names[matches[index][keyPath: keyPath].id] else { continue }
                matches[index][keyPath: keyPath].nameAr = found.ar
                matches[index][keyPath: keyPath].nameEn = found.en
            }
        }
    }

    /// The names of the claiming rows of `ids` in `scan`'s file, read again.
    private static func names(of ids: Set<UInt64>, in scan: FileScan, validation: ValidationOptions)
        -> [String: (ar: String?, en: String?)]
    {
        var rows: [Int] = []
        for (row, fact) in scan.facts.enumerated() where fact.disposition == .merge && ids.contains(fact.id) {
            rows.append(row)
        }
        var names: [String: (ar: String?, en: String?)] = [:]
        guard !rows.isEmpty else { return names }
        // The records between are read past, not built; a file changed since the first pass gives no names.
        var validator: RowValidator?
        do {
            try FileScanner.replay(scan, rows: rows) { _, record, header in
                if validator == nil {
                    validator = RowValidator(header: header, fileName: scan.input.name, options: validation)
                }
                if let canonical = validator!.validate(record).record {
                    names[canonical.id] = (canonical[.nameAr], canonical[.nameEn])
                }
            }
        } catch {
            return [:]
        }
        return names
    }

    static func stored(_ match: PersonMatch) -> StoredMatchPair {
        StoredMatchPair(
            firstID: match.record.id, firstKind: match.record.kind.rawValue, secondID: match.other.id,
            secondKind: match.other.kind.rawValue, score: match.score, reasons: match.reasons.joined(separator: ","),
            runKey: "")
    }
}
