/// One row of a `PostgresResult`, read by 0-based column index. It keeps its result alive.
public struct PostgresRow {
    /// The result holding the row.
    public let result: PostgresResult

    /// The row's 0-based index in `result`.
    let index: Int32

    /// The number of columns.
    public var columnCount: Int { result.columnCount }

    /// Whether column `column` is NULL.
    public func isNull(_ column: Int) -> Bool {
        result.isNull(row: Int(index), column: column)
    }

    /// Column `column` as text, `nil` for NULL.
    public func string(_ column: Int) -> String? {
        result.string(row: Int(index), column: column)
    }

    /// Column `column` as an integer, `nil` for NULL; throws when it is not one.
    public func int(_ column: Int) throws(PostgresError) -> Int64? {
        try result.int(row: Int(index), column: column)
    }

    /// Column `column` as a double, `nil` for NULL; throws when it is not a number.
    public func double(_ column: Int) throws(PostgresError) -> Double? {
        try result.double(row: Int(index), column: column)
    }

    /// Column `column` as a Boolean, `nil` for NULL; throws when it is not `t` or `f`.
    public func bool(_ column: Int) throws(PostgresError) -> Bool? {
        try result.bool(row: Int(index), column: column)
    }

    /// Calls `body` with the text bytes of column `column`, `nil` for NULL, valid only inside `body`.
    public func withBytes<Result>(
        _ column: Int,
        _ body: (UnsafeRawBufferPointer?) throws(PostgresError) -> Result
    ) throws(PostgresError) -> Result {
        try result.withBytes(row: Int(index), column: column, body)
    }
}
