import CLibPQ

/// An error reported by libpq or the server, in the spirit of GRDB's `DatabaseError`.
///
/// It carries the SQLSTATE (`PG_DIAG_SQLSTATE`), the server's primary message and the SQL text of the
/// statement that failed, but never the values bound to it: those are personal data (names, IDs, mobiles)
/// and errors end up in logs and reports. Hence the server's DETAIL and CONTEXT fields, which quote rows
/// (`Key (national_id)=(1012345672) already exists.`), are never kept; in a data exception (SQLSTATE class
/// 22, `invalid input syntax for type date: "1990-13-45"`) every double-quoted part of the message is
/// replaced by `***`; and any bound value found in the message is replaced too. Connection strings appear
/// only redacted (`PostgresConnectionString`).
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, in the terms the caller acts on (exit codes, retries).
    public var kind: PostgresErrorKind
    /// The five-character SQLSTATE of a server error (`23505`), `nil` for errors found by libpq or by us.
    public var sqlState: String?
    /// The primary message, without values.
    public var message: String
    /// The SQL text of the failing statement, if any; never bound values.
    public var sql: String?
    /// The constraint a class 23 error names (`PG_DIAG_CONSTRAINT_NAME`): schema, not data.
    public var constraintName: String?

    public init(
        kind: PostgresErrorKind,
        sqlState: String? = nil,
        message: String,
        sql: String? = nil,
        constraintName: String? = nil
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.sql = sql
        self.constraintName = constraintName
    }

    /// The server could not be reached or refused the login: the contract's exit 69 (unavailable).
    public var isUnavailable: Bool { kind == .cannotConnect || kind == .loginRefused }

    /// The connection broke during the work (server restarted or killed, network cut): exit 74.
    public var isConnectionLost: Bool { kind == .connectionLost }

    /// The server's disk is full (SQLSTATE 53100 `disk_full`): exit 74.
    public var isDiskFull: Bool { kind == .diskFull }

    /// Another session holds a lock this one waited for in vain (55P03 `lock_not_available`, also raised by
    /// `lock_timeout`): for a run, the store is in use by another run (exit 75).
    public var isLocked: Bool { kind == .lockNotAvailable }

    /// The transaction cannot be serialised with another (40001) or deadlocked (40P01): it may be retried.
    public var isSerializationFailure: Bool { kind == .serializationFailure }

    /// A constraint failed (SQLSTATE class 23: unique, foreign key, check, not null…).
    public var isConstraintViolation: Bool { kind == .constraintViolation }

    /// For example `PostgreSQL error 23505 (constraint violation): duplicate key value violates unique
    /// constraint "t_pkey" - while executing \`INSERT INTO t (k) VALUES ($1)\``.
    public var description: String {
        var text = "PostgreSQL error"
        if let sqlState {
            text += " \(sqlState)"
        }
        text += " (\(kind.description)): \(message)"
        if let sql {
            text += " - while executing `\(sql)`"
        }
        return text
    }
}

// MARK: Building errors from libpq

extension PostgresError {
    /// The error of a failed `result` (`PQresultErrorField`), or of the connection when there is no result
    /// (`PQerrorMessage`: out of memory, connection lost). `parameters` are the values bound to the
    /// statement, scrubbed from the message.
    static func failure(
        result: OpaquePointer?,
        connection: OpaquePointer?,
        sql: String?,
        parameters: [String?] = []
    ) -> PostgresError {
        var connectionBroken = connection.map { PQstatus($0) == CONNECTION_BAD } ?? true
        // An error libpq found itself (no SQLSTATE) on a connection it still calls good: a read can fail with
        // "server closed the connection unexpectedly" before libpq marks the connection bad (a server stopped
        // with `pg_ctl -m immediate` while the session was idle). One more read settles it.
        if !connectionBroken, let connection,
            result.flatMap({ PQresultErrorField($0, DiagnosticField.sqlState) }) == nil
        {
            _ = PQconsumeInput(connection)
            connectionBroken = PQstatus(connection) == CONNECTION_BAD
        }
        var sqlState: String?
        var message: String
        var constraint: String?
        if let result, let state = PQresultErrorField(result, DiagnosticField.sqlState) {
            sqlState = String(cString: state)
            message = PQresultErrorField(result, DiagnosticField.messagePrimary).map { String(cString: $0) } ?? ""
            constraint = PQresultErrorField(result, DiagnosticField.constraintName).map { String(cString: $0) }
        } else if let result, let text = PQresultErrorMessage(result), text.pointee != 0 {
            message = String(cString: text)
        } else if let connection, let text = PQerrorMessage(connection) {
            message = String(cString: text)
        } else {
            message = "no connection to the server"
        }
        message = scrubbed(message.trimmingTrailingNewlines(), sqlState: sqlState, parameters: parameters)
        if message.isEmpty {
            message = "unknown error"
        }
        let kind = PostgresErrorKind(sqlState: sqlState, connectionBroken: connectionBroken)
        return PostgresError(kind: kind, sqlState: sqlState, message: message, sql: sql, constraintName: constraint)
    }

    /// `message` without values: quoted parts of data exceptions, and bound values anywhere.
    static func scrubbed(_ message: String, sqlState: String?, parameters: [String?]) -> String {
        var text = message
        if sqlState?.hasPrefix("22") == true {
            text = text.replacingDoubleQuotedParts(with: PostgresConnectionString.mask)
        }
        let values = parameters.compactMap { $0 }.filter { !$0.isEmpty }.sorted { $0.utf8.count > $1.utf8.count }
        for value in values {
            text = text.replacingAll(value, with: PostgresConnectionString.mask)
        }
        return text
    }

    /// An error of ours (a misuse of the API, say), found before libpq ran.
    static func misuse(_ message: String, sql: String? = nil) -> PostgresError {
        PostgresError(kind: .misuse, message: message, sql: sql)
    }
}

extension String {
    /// The string without the line ends libpq puts after its messages.
    func trimmingTrailingNewlines() -> String {
        var text = Substring(self)
        while let last = text.last, last == "\n" || last == "\r" || last == " " {
            text = text.dropLast()
        }
        return String(text)
    }

    /// The string with the content of every `"…"` replaced by `replacement`; an unclosed quote hides the
    /// rest.
    func replacingDoubleQuotedParts(with replacement: String) -> String {
        var result = ""
        var inside = false
        for character in self {
            if character == "\"" {
                if !inside {
                    result.append("\"")
                    result += replacement
                } else {
                    result.append("\"")
                }
                inside.toggle()
            } else if !inside {
                result.append(character)
            }
        }
        return result
    }
}
