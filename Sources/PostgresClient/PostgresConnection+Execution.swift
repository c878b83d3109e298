import CLibPQ

extension PostgresConnection {
    // MARK: Statements

    /// Runs one or more `;`-separated statements without parameters (`PQexec`), stopping at the first
    /// that fails. Never put values into `sql`: pass them as parameters.
    ///
    /// - Returns: the result of the last statement.
    @discardableResult
    public func execute(_ sql: String) throws(PostgresError) -> PostgresResult {
        let handle = try openHandle(sql: sql)
        return try checkedResult(PQexec(handle, sql), sql: sql, parameters: [])
    }

    /// Runs one statement with `$1`, `$2`… bound to `parameters` in text format (`PQexecParams`); `nil`
    /// is NULL. For a statement run many times, `prepare(_:)` or `cachedStatement(_:)` it instead.
    @discardableResult
    public func execute(
        _ sql: String,
        parameters: [(any PostgresTextEncodable)?]
    ) throws(PostgresError) -> PostgresResult {
        let handle = try openHandle(sql: sql)
        let values = TextParameters(parameters)
        try values.validate(sql: sql)
        let result = values.withPointers { count, pointers in
            PQexecParams(handle, sql, count, nil, pointers, nil, nil, 0)
        }
        return try checkedResult(result, sql: sql, parameters: values.values)
    }

    /// Prepares `sql` on the server (`PQprepare`, as `absher_N`) for the caller to keep and run many times;
    /// parameter types are inferred by the server (`$1::bigint` fixes one). Deallocated when the statement
    /// goes away.
    public func prepare(_ sql: String) throws(PostgresError) -> PostgresStatement {
        let handle = try openHandle(sql: sql)
        preparedCount += 1
        let name = "absher_\(preparedCount)"
        _ = try checkedResult(PQprepare(handle, name, sql, 0, nil), sql: sql, parameters: [])
        let description = try checkedResult(PQdescribePrepared(handle, name), sql: sql, parameters: [])
        let parameterCount = Int(PQnparams(description.handle))
        return PostgresStatement(connection: self, name: name, sql: sql, parameterCount: parameterCount)
    }

    /// A statement prepared once per SQL text and kept by the connection.
    public func cachedStatement(_ sql: String) throws(PostgresError) -> PostgresStatement {
        if let statement = statementCache[sql] {
            return statement
        }
        let statement = try prepare(sql)
        statementCache[sql] = statement
        return statement
    }

    /// The first column of the first row, as text; `nil` when there is no row or it is NULL.
    public func scalarString(
        _ sql: String,
        parameters: [(any PostgresTextEncodable)?] = []
    ) throws(PostgresError) -> String? {
        let result = try execute(sql, parameters: parameters)
        return result.rowCount > 0 && result.columnCount > 0 ? result.string(row: 0, column: 0) : nil
    }

    /// The first column of the first row, as an integer; `nil` when there is no row or it is NULL.
    public func scalarInt(
        _ sql: String,
        parameters: [(any PostgresTextEncodable)?] = []
    ) throws(PostgresError) -> Int64? {
        let result = try execute(sql, parameters: parameters)
        return result.rowCount > 0 && result.columnCount > 0 ? try result.int(row: 0, column: 0) : nil
    }

    // MARK: Results

    /// `result` as a `PostgresResult` when its status is a success, otherwise the error it carries (then
    /// `result` is freed). A COPY started by a statement that is not run through `copyIn` or `copyOut` is
    /// ended, so the connection stays usable, and reported as a misuse.
    func checkedResult(
        _ result: OpaquePointer?,
        sql: String,
        parameters: [String?]
    ) throws(PostgresError) -> PostgresResult {
        guard let result else {
            throw PostgresError.failure(result: nil, connection: handle, sql: sql, parameters: parameters)
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_SINGLE_TUPLE:
            return PostgresResult(handle: result, sql: sql)
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            PQclear(result)
            abandonCopy()
            throw PostgresError.misuse("COPY with STDIN or STDOUT runs through copyIn or copyOut", sql: sql)
        default:
            let error = PostgresError.failure(result: result, connection: handle, sql: sql, parameters: parameters)
            PQclear(result)
            throw error
        }
    }

    /// Ends a COPY in progress without using it: ends COPY FROM STDIN with an error, reads COPY TO STDOUT
    /// to its end, and consumes the results that follow.
    func abandonCopy() {
        guard let handle else {
            return
        }
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            PQclear(result)
            if status == PGRES_COPY_IN {
                PQputCopyEnd(handle, "COPY abandoned by the client")
            } else if status == PGRES_COPY_OUT {
                var buffer: UnsafeMutablePointer<CChar>?
                while PQgetCopyData(handle, &buffer, 0) > 0 {
                    PQfreemem(buffer)
                }
            } else if status == PGRES_COPY_BOTH {
                break
            }
        }
    }

    /// Consumes the results left after a command (`PQgetResult` until `NULL`), so the connection is ready
    /// for the next one; returns the first error among them.
    func drainResults(sql: String, parameters: [String?] = []) -> PostgresError? {
        guard let handle else {
            return nil
        }
        var firstError: PostgresError?
        while let result = PQgetResult(handle) {
            let status = PQresultStatus(result)
            if status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE, firstError == nil {
                firstError = PostgresError.failure(result: result, connection: handle, sql: sql, parameters: parameters)
            }
            PQclear(result)
            if status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH {
                abandonCopy()
                break
            }
        }
        return firstError
    }

    /// Asks the server to cancel the command in progress (`PQcancel`); its results still need draining.
    func cancelCommand() {
        guard let handle, let cancel = PQgetCancel(handle) else {
            return
        }
        var buffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &buffer, Int32(buffer.count))
        PQfreeCancel(cancel)
    }
}
