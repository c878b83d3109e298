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
        let dismissed = try dismissedPairs(connection)
        let result = try connection.execute(
            """
            SELECT m.first_id, m.first_kind, m.second_id, m.second_kind, m.score, m.reasons, r.run_key
            FROM match_pairs m JOIN runs r ON r.id = m.run_id ORDER BY m.first_id COLLATE "C", m.second_id COLLATE "C"
            """)
        var pairs: [StoredMatchPair] = []
        for row in result.rows {
            let pair = StoredMatchPair(
                firstID: row.string(0) ?? "", firstKind: row.string(1) ?? "", secondID: row.string(2) ?? "",
                secondKind: row.string(3) ?? "", score: try row.double(4) ?? 0, reasons: row.string(5) ?? "",
                runKey: row.string(6) ?? "")
            pairs.append(pair)
        }
        return StoredMatchPair.listing(reported: pairs, dismissed: dismissed)
    }
}
