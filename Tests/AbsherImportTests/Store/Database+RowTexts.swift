import AbsherSQLite

extension Database {
    /// The rows of a query, each as its columns' text joined with `|` (NULL as `∅`): how the tests compare
    /// whole tables.
    func rowTexts(_ sql: String) throws -> [String] {
        let statement = try prepare(sql)
        var rows: [String] = []
        while try statement.step() {
            rows.append((0..<statement.columnCount).map { statement.columnString($0) ?? "∅" }.joined(separator: "|"))
        }
        return rows
    }
}
