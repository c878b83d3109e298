import AbsherStore
import PostgresClient

/// The pairs of contract §4b in a PostgreSQL store, as `StoreQueries+Matches` answers for SQLite.
extension PostgresStoreReader {
    package func matchPairs() throws -> [StoredMatchPair] { try Self.matchPairs(connection) }

    static func dismissedPairs(_ connection: PostgresConnection) throws -> [DismissedPair] {
        let result = try connection.execute(
            """
            SELECT first_id, second_id, dismissed_by, dismissed_at FROM match_dismissals
            ORDER BY first_id COLLATE "C", second_id COLLATE "C"
            """)
        return result.rows.map {
            DismissedPair(
                $0.string(0) ?? "", $0.string(1) ?? "", dismissedBy: $0.string(2) ?? "",
                dismissedAt: $0.string(3) ?? "")
        }
    }

    static func matchPairs(_ connection: PostgresConnection) throws -> [StoredMatchPair] {
        var dismissed: [String: DismissedPair] = [:]
        for pair in try dismissedPairs(connection) { dismissed["\(pair.first) \(pair.second)"] = pair }
        let result = try connection.execute(
            """
            SELECT m.first_id, m.first_kind, m.second_id, m.second_kind, m.score, m.reasons, r.run_key
            FROM match_pairs m JOIN runs r ON r.id = m.run_id ORDER BY m.first_id COLLATE "C", m.second_id COLLATE "C"
            """)
        var pairs: [StoredMatchPair] = []
        for row in result.rows {
            var pair = StoredMatchPair(
                firstID: row.string(0) ?? "", firstKind: row.string(1) ?? "", secondID: row.string(2) ?? "",
                secondKind: row.string(3) ?? "", score: try row.double(4) ?? 0, reasons: row.string(5) ?? "",
                runKey: row.string(6) ?? "")
            let key = DismissedPair(pair.firstID, pair.secondID)
            pair.dismissal = dismissed["\(key.first) \(key.second)"]
            pairs.append(pair)
        }
        // Pairs dismissed before any run reported them.
        let reported = Set(pairs.map { DismissedPair($0.firstID, $0.secondID) })
        let unreported = dismissed.values.filter { !reported.contains($0) }.sorted {
            ($0.first, $0.second) < ($1.first, $1.second)
        }
        let dismissedOnly = unreported.map {
            StoredMatchPair(
                firstID: $0.first, firstKind: "", secondID: $0.second, secondKind: "", score: 0, reasons: "",
                runKey: "",
                dismissal: $0)
        }
        return pairs.filter { $0.dismissal == nil } + pairs.filter { $0.dismissal != nil } + dismissedOnly
    }
}
