import AbsherStore

/// The pairs of contract §4b in the store: `match_pairs` (open pairs reported by committed runs) and
/// `match_dismissals` (pairs recorded as different people).
extension StoreQueries {
    static func dismissedPairs(_ database: Database) throws(DatabaseError) -> [DismissedPair] {
        guard try hasMatchTables(database) else { return [] }
        let statement = try database.prepare(
            "SELECT first_id, second_id, dismissed_by, dismissed_at FROM match_dismissals ORDER BY first_id, second_id")
        var pairs: [DismissedPair] = []
        while try statement.step() {
            pairs.append(
                DismissedPair(
                    statement.columnString(0) ?? "", statement.columnString(1) ?? "",
                    dismissedBy: statement.columnString(2) ?? "", dismissedAt: statement.columnString(3) ?? ""))
        }
        return pairs
    }

    /// Every pair reported by a committed run or dismissed, open ones first, each in ID order.
    static func matchPairs(_ database: Database) throws(DatabaseError) -> [StoredMatchPair] {
        guard try hasMatchTables(database) else { return [] }
        let dismissed = try dismissedPairs(database)
        let statement = try database.prepare(
            """
            SELECT m.first_id, m.first_kind, m.second_id, m.second_kind, m.score, m.reasons, r.run_key
            FROM match_pairs m JOIN runs r ON r.id = m.run_id ORDER BY m.first_id, m.second_id
            """)
        var pairs: [StoredMatchPair] = []
        while try statement.step() {
            let pair = StoredMatchPair(
                firstID: statement.columnString(0) ?? "", firstKind: statement.columnString(1) ?? "",
                secondID: statement.columnString(2) ?? "", secondKind: statement.columnString(3) ?? "",
                score: statement.columnDouble(4) ?? 0, reasons: statement.columnString(5) ?? "",
                runKey: statement.columnString(6) ?? "")
            pairs.append(pair)
        }
        return StoredMatchPair.listing(reported: pairs, dismissed: dismissed)
    }

    /// The pairs of one ID (`lookup`).
    static func matchPairs(_ database: Database, of id: String) throws(DatabaseError) -> [StoredMatchPair] {
        try matchPairs(database).filter { $0.firstID == id || $0.secondID == id }
    }

    private static func hasMatchTables(_ database: Database) throws(DatabaseError) -> Bool {
        try database.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'match_dismissals'") == 1
    }
}
