import CLibPQ

extension PostgresConnection {
    /// Runs one query and calls `body` with each row as it arrives, in libpq's single-row mode
    /// (`PQsendQueryParams`, `PQsetSingleRowMode`, `PQgetResult`), so a result of millions of rows is
    /// never held whole. Each row is a `PostgresResult` of its own; keep what you need, not the row.
    ///
    /// When `body` throws, the query is cancelled (`PQcancel`), the remaining rows are discarded, and
    /// `body`'s error is rethrown; the connection is then ready for the next command.
    public func forEachRow(
        _ sql: String,
        parameters: [(any PostgresTextEncodable)?] = [],
        _ body: (PostgresRow) throws -> Void
    ) throws {
        let values = TextParameters(parameters)
        try values.validate(sql: sql)
        try streamRows(sql: sql, parameters: values, body) { handle, count, pointers in
            PQsendQueryParams(handle, sql, count, nil, pointers, nil, nil, 0)
        }
    }

    /// Sends a query with `send`, switches to single-row mode and hands every row to `body`.
    func streamRows(
        sql: String,
        parameters: TextParameters,
        _ body: (PostgresRow) throws -> Void,
        send: (OpaquePointer, Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> Int32
    ) throws {
        let handle = try openHandle(sql: sql)
        let sent = parameters.withPointers { count, pointers in send(handle, count, pointers) }
        guard sent == 1 else {
            throw PostgresError.failure(result: nil, connection: handle, sql: sql, parameters: parameters.values)
        }
        guard PQsetSingleRowMode(handle) == 1 else {
            _ = drainResults(sql: sql)
            throw PostgresError.misuse("libpq refused single-row mode", sql: sql)
        }
        var bodyError: (any Error)?
        var serverError: PostgresError?
        while let result = PQgetResult(handle) {
            switch PQresultStatus(result) {
            case PGRES_SINGLE_TUPLE where bodyError == nil:
                let row = PostgresResult(handle: result, sql: sql)
                do {
                    try body(PostgresRow(result: row, index: 0))
                } catch {
                    bodyError = error
                    cancelCommand()
                }
            case PGRES_SINGLE_TUPLE, PGRES_TUPLES_OK, PGRES_COMMAND_OK:
                PQclear(result)
            case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
                PQclear(result)
                abandonCopy()
                serverError = serverError ?? PostgresError.misuse("COPY runs through copyIn or copyOut", sql: sql)
            default:
                if serverError == nil {
                    serverError = PostgresError.failure(
                        result: result, connection: handle, sql: sql, parameters: parameters.values)
                }
                PQclear(result)
            }
        }
        if let bodyError {
            throw bodyError
        }
        if let serverError {
            throw serverError
        }
    }
}
