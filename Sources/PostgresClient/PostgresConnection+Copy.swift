import CLibPQ

extension PostgresConnection {
    /// Runs `COPY … FROM STDIN` (text format) and lets `body` write its rows (`PQputCopyData`, then
    /// `PQputCopyEnd`).
    ///
    /// When `body` throws, the COPY is ended with an error (`PQputCopyEnd` with a message), so the server
    /// stores none of its rows, and `body`'s error is rethrown. A row the server refuses fails the whole
    /// COPY; its message has no values (`PostgresError`).
    /// - Returns: the number of rows the server copied (`PQcmdTuples`).
    @discardableResult
    public func copyIn(_ sql: String, _ body: (PostgresCopyInWriter) throws -> Void) throws -> Int {
        let handle = try openHandle(sql: sql)
        try startCopy(handle, sql: sql, expecting: PGRES_COPY_IN)
        let writer = PostgresCopyInWriter(handle: handle, sql: sql)
        do {
            try body(writer)
            try writer.flush()
        } catch {
            PQputCopyEnd(handle, "COPY aborted by the client")
            _ = drainResults(sql: sql)
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else {
            let error = PostgresError.failure(result: nil, connection: handle, sql: sql)
            _ = drainResults(sql: sql)
            throw error
        }
        return try finishCopy(handle, sql: sql)
    }

    /// Runs `COPY … TO STDOUT` (text format) and calls `body` with each row's bytes as they arrive
    /// (`PQgetCopyData`, one line with its line feed per call; `PostgresCopyText.fields(ofLine:)` splits it).
    /// The bytes are valid only inside `body`.
    ///
    /// When `body` throws, the COPY is cancelled, the rest is discarded and `body`'s error rethrown.
    /// - Returns: the number of rows the server copied.
    @discardableResult
    public func copyOut(_ sql: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int {
        let handle = try openHandle(sql: sql)
        try startCopy(handle, sql: sql, expecting: PGRES_COPY_OUT)
        var bodyError: (any Error)?
        while true {
            var data: UnsafeMutablePointer<CChar>?
            let count = PQgetCopyData(handle, &data, 0)
            guard count > 0, let data else {
                break
            }
            if bodyError == nil {
                do {
                    try data.withMemoryRebound(to: UInt8.self, capacity: Int(count)) { bytes in
                        try body(UnsafeBufferPointer(start: bytes, count: Int(count)))
                    }
                } catch {
                    bodyError = error
                    cancelCommand()
                }
            }
            PQfreemem(data)
        }
        if let bodyError {
            _ = drainResults(sql: sql)
            throw bodyError
        }
        return try finishCopy(handle, sql: sql)
    }

    /// Runs `COPY … TO STDOUT` and calls `body` with each row's fields, unescaped (`nil` for NULL).
    @discardableResult
    public func copyOutRows(_ sql: String, _ body: ([String?]) throws -> Void) throws -> Int {
        try copyOut(sql) { line in
            try body(PostgresCopyText.fields(ofLine: line))
        }
    }

    /// Sends `sql` and checks that the server entered the COPY state `expected`.
    private func startCopy(_ handle: OpaquePointer, sql: String, expecting expected: ExecStatusType) throws {
        guard let result = PQexec(handle, sql) else {
            throw PostgresError.failure(result: nil, connection: handle, sql: sql)
        }
        let status = PQresultStatus(result)
        guard status == expected else {
            if status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE || status == PGRES_NONFATAL_ERROR {
                let error = PostgresError.failure(result: result, connection: handle, sql: sql)
                PQclear(result)
                throw error
            }
            PQclear(result)
            abandonCopy()
            let direction = expected == PGRES_COPY_IN ? "FROM STDIN" : "TO STDOUT"
            throw PostgresError.misuse("not a COPY \(direction) statement", sql: sql)
        }
        PQclear(result)
    }

    /// Reads the COPY's final result and what follows it; returns the rows copied or throws its error.
    private func finishCopy(_ handle: OpaquePointer, sql: String) throws(PostgresError) -> Int {
        guard let result = PQgetResult(handle) else {
            throw PostgresError.failure(result: nil, connection: handle, sql: sql)
        }
        let status = PQresultStatus(result)
        var outcome: Result<Int, PostgresError>
        if status == PGRES_COMMAND_OK {
            outcome = .success(PostgresResult(handle: result, sql: sql).affectedRowCount ?? 0)
        } else {
            outcome = .failure(PostgresError.failure(result: result, connection: handle, sql: sql))
            PQclear(result)
        }
        if let error = drainResults(sql: sql), case .success = outcome {
            outcome = .failure(error)
        }
        return try outcome.get()
    }
}
