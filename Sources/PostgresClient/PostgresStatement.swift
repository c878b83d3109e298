import CLibPQ

/// A statement prepared on the server (`PQprepare`): prepare it once, then run it with new parameters
/// (`PQexecPrepared`) as often as needed.
///
/// Made by `PostgresConnection.prepare(_:)` or `cachedStatement(_:)`. It holds its connection weakly and
/// deallocates itself on the server (`DEALLOCATE`) when the last reference goes away, if the connection
/// is still open and not inside a failed transaction (the server drops it with the session anyway).
/// Parameters are sent in text format; `nil` is NULL.
public final class PostgresStatement {
    /// The SQL text, with `$1`, `$2`… for its parameters.
    public let sql: String

    /// The name the server knows it by (`absher_N`).
    public let name: String

    /// The number of parameters the server found (`PQnparams` of `PQdescribePrepared`).
    public let parameterCount: Int

    /// The connection that prepared it.
    private weak var connection: PostgresConnection?

    init(connection: PostgresConnection, name: String, sql: String, parameterCount: Int) {
        self.connection = connection
        self.name = name
        self.sql = sql
        self.parameterCount = parameterCount
    }

    deinit {
        guard let connection, let handle = connection.handle, connection.isConnected,
            !connection.isTransactionFailed, PQtransactionStatus(handle) != PQTRANS_ACTIVE
        else {
            return
        }
        let result = PQexec(handle, "DEALLOCATE \(name)")
        PQclear(result)
    }

    /// Runs the statement with `parameters` bound to `$1`, `$2`… (`PQexecPrepared`).
    /// - Throws: `PostgresError`; a count of parameters other than `parameterCount` is a misuse.
    @discardableResult
    public func execute(_ parameters: [(any PostgresTextEncodable)?] = []) throws(PostgresError) -> PostgresResult {
        let (handle, values) = try ready(parameters)
        let result = values.withPointers { count, pointers in
            PQexecPrepared(handle, name, count, pointers, nil, nil, 0)
        }
        guard let connection else {
            PQclear(result)
            throw PostgresError.misuse("the connection is closed", sql: sql)
        }
        return try connection.checkedResult(result, sql: sql, parameters: values.values)
    }

    /// Runs the statement and calls `body` with each row as it arrives (single-row mode), never holding
    /// the whole result; see `PostgresConnection.forEachRow(_:parameters:_:)`.
    public func forEachRow(
        _ parameters: [(any PostgresTextEncodable)?] = [],
        _ body: (PostgresRow) throws -> Void
    ) throws {
        let (_, values) = try ready(parameters)
        guard let connection else {
            throw PostgresError.misuse("the connection is closed", sql: sql)
        }
        let name = self.name
        try connection.streamRows(sql: sql, parameters: values, body) { handle, count, pointers in
            PQsendQueryPrepared(handle, name, count, pointers, nil, nil, 0)
        }
    }

    /// The open handle and checked parameters.
    private func ready(
        _ parameters: [(any PostgresTextEncodable)?]
    ) throws(PostgresError) -> (OpaquePointer, TextParameters) {
        guard let connection else {
            throw PostgresError.misuse("the connection is closed", sql: sql)
        }
        let handle = try connection.openHandle(sql: sql)
        guard parameters.count == parameterCount else {
            throw PostgresError.misuse("\(parameters.count) parameters for \(parameterCount)", sql: sql)
        }
        let values = TextParameters(parameters)
        try values.validate(sql: sql)
        return (handle, values)
    }
}
