import CLibPQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One session with a PostgreSQL server through libpq (`PGconn`), in the spirit of GRDB's `Database`.
///
/// Connects with `PQconnectdbParams` from a URI or keyword/value string, expanded as libpq expands a
/// `dbname` that is a connection string, with `client_encoding=UTF8` forced after it (every text in and
/// out is UTF-8), and before it `connect_timeout=10` and `fallback_application_name=absher-import`,
/// which the string may override. Server notices (`NOTICE: … skipping`) are discarded rather than
/// printed on standard error by libpq's default notice processor. The handle is closed (`PQfinish`) in
/// `deinit`. A connection and its statements belong to one thread at a time, hence not `Sendable`.
public final class PostgresConnection {
    /// The `PGconn`, `nil` once closed.
    private(set) var handle: OpaquePointer?

    /// The connection string given to `init`; its `description` hides passwords.
    public let connectionString: PostgresConnectionString

    /// Statements of `cachedStatement(_:)`, by SQL text.
    var statementCache: [String: PostgresStatement] = [:]

    /// The number of statements prepared so far, which names the next one (`absher_1`, `absher_2`…).
    var preparedCount = 0

    /// Connects to the server `connectionString` names.
    ///
    /// - Parameters:
    ///   - readOnly: every transaction is read-only (`SET default_transaction_read_only = on`), for
    ///     `lookup`, `runs` and `export`.
    /// - Throws: `PostgresError` of kind `invalidConnectionString` (libpq cannot read the string),
    ///   `cannotConnect` (no server answered) or `loginRefused` (a server answered with a FATAL error:
    ///   authentication, `pg_hba.conf`, unknown role or database). The message names host, port, database
    ///   and user, never the password.
    public init(_ connectionString: PostgresConnectionString, readOnly: Bool = false) throws(PostgresError) {
        self.connectionString = connectionString
        try Self.checkSyntax(of: connectionString)
        let keywords = ["connect_timeout", "fallback_application_name", "dbname", "client_encoding"]
        let values = ["10", "absher-import", connectionString.text, "UTF8"]
        let connection = Self.withCStringArray(keywords) { keywordPointers in
            Self.withCStringArray(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let connection else {
            throw PostgresError(kind: .cannotConnect, message: "libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let error = Self.connectFailure(connection, connectionString: connectionString)
            PQfinish(connection)
            throw error
        }
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        handle = connection
        if readOnly {
            try execute("SET default_transaction_read_only = on")
        }
    }

    /// Connects to the server `text` (a URI or keyword/value string) names; see `init(_:readOnly:)`.
    public convenience init(_ text: String, readOnly: Bool = false) throws(PostgresError) {
        try self.init(PostgresConnectionString(text), readOnly: readOnly)
    }

    deinit {
        close()
    }

    /// Ends the session (`PQfinish`) after dropping cached statements. Closing twice does nothing.
    public func close() {
        statementCache.removeAll()
        if let handle {
            PQfinish(handle)
            self.handle = nil
        }
    }

    /// The open handle, or a `misuse` error naming `sql` once closed.
    func openHandle(sql: String?) throws(PostgresError) -> OpaquePointer {
        guard let handle else {
            throw PostgresError.misuse("the connection is closed", sql: sql)
        }
        return handle
    }

    // MARK: Connecting

    /// Refuses a string libpq cannot read (`PQconninfoParse`), with libpq's reason scrubbed of passwords.
    private static func checkSyntax(of connectionString: PostgresConnectionString) throws(PostgresError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(connectionString.text, &errorMessage) else {
            let reason = errorMessage.map { String(cString: $0) } ?? "out of memory"
            PQfreemem(errorMessage)
            let message = connectionString.scrub(reason.joinedLines())
            throw PostgresError(
                kind: .invalidConnectionString,
                message: "invalid PostgreSQL connection string \(connectionString.redacted): \(message)"
            )
        }
        PQconninfoFree(options)
    }

    /// The error of a connection attempt that failed: `loginRefused` when the server answered with a
    /// FATAL error or asked for a password that was not given, `cannotConnect` otherwise.
    private static func connectFailure(
        _ connection: OpaquePointer,
        connectionString: PostgresConnectionString
    ) -> PostgresError {
        let reason = PQerrorMessage(connection).map { String(cString: $0) } ?? ""
        let refused = PQconnectionNeedsPassword(connection) == 1 || reason.contains("FATAL:")
        let target = Self.describeTarget(connection)
        let message = connectionString.scrub("cannot connect to PostgreSQL (\(target)): \(reason.joinedLines())")
        return PostgresError(kind: refused ? .loginRefused : .cannotConnect, message: message)
    }

    /// `host /tmp/pg, port 5432, database absher, user absher` of a connection, made or not.
    static func describeTarget(_ connection: OpaquePointer) -> String {
        func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
            guard let pointer, pointer.pointee != 0 else {
                return "(default)"
            }
            return String(cString: pointer)
        }
        let host = text(PQhost(connection))
        let port = text(PQport(connection))
        return "host \(host), port \(port), database \(text(PQdb(connection))), user \(text(PQuser(connection)))"
    }

    /// Calls `body` with `strings` as a NULL-terminated `const char *[]`, valid only inside it.
    private static func withCStringArray<Result>(
        _ strings: [String],
        _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> Result
    ) -> Result {
        let copies = strings.map { strdup($0) }
        defer {
            for copy in copies {
                free(copy)
            }
        }
        let pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    // MARK: The session

    /// Where the session is connected: `host …, port …, database …, user …` (no password).
    public var target: String {
        guard let handle else {
            return "closed"
        }
        return Self.describeTarget(handle)
    }

    /// The host the session is connected to (`PQhost`): a name, an address or a socket folder.
    public var host: String { handle.map { Self.text(PQhost($0)) } ?? "" }

    /// The port the session is connected to (`PQport`).
    public var port: String { handle.map { Self.text(PQport($0)) } ?? "" }

    /// The database of the session (`PQdb`).
    public var databaseName: String { handle.map { Self.text(PQdb($0)) } ?? "" }

    /// The role the session logged in as (`PQuser`).
    public var user: String { handle.map { Self.text(PQuser($0)) } ?? "" }

    /// The socket's file descriptor (`PQsocket`), -1 once closed: for tests that cut the connection.
    var socketDescriptor: Int32 { handle.map { PQsocket($0) } ?? -1 }

    private static func text(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// The server's version number (`PQserverVersion`): 150018 for 15.18; 0 once closed.
    public var serverVersion: Int {
        handle.map { Int(PQserverVersion($0)) } ?? 0
    }

    /// The server's version as it reports it (`server_version`, for example `15.18 (Debian 15.18-0+deb12u1)`).
    public var serverVersionText: String {
        guard let handle, let text = PQparameterStatus(handle, "server_version") else {
            return ""
        }
        return String(cString: text)
    }

    /// The version number of the libpq this process runs with (`PQlibVersion`): 150018 for 15.18.
    public static var libraryVersion: Int { Int(PQlibVersion()) }

    /// `15.18` for 150018 (PostgreSQL 10 and later), `9.6.24` for 90624.
    public static func versionText(_ number: Int) -> String {
        if number >= 100_000 {
            return "\(number / 10_000).\(number % 10_000)"
        }
        return "\(number / 10_000).\(number / 100 % 100).\(number % 100)"
    }

    /// The process ID of the server process serving this session (`PQbackendPID`), as
    /// `pg_stat_activity.pid` and `pg_terminate_backend` know it; 0 once closed.
    public var backendProcessID: Int32 {
        handle.map { PQbackendPID($0) } ?? 0
    }

    /// Whether the connection is open and healthy (`PQstatus` is `CONNECTION_OK`). After a lost connection
    /// it is `false` for good: make a new connection.
    public var isConnected: Bool {
        handle.map { PQstatus($0) == CONNECTION_OK } ?? false
    }

    /// Whether a transaction is open (`PQtransactionStatus` is `PQTRANS_INTRANS` or `PQTRANS_INERROR`).
    public var isInsideTransaction: Bool {
        guard let handle else {
            return false
        }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// Whether the open transaction has failed (`PQTRANS_INERROR`): every statement fails until it rolls back.
    public var isTransactionFailed: Bool {
        handle.map { PQtransactionStatus($0) == PQTRANS_INERROR } ?? false
    }
}

extension String {
    /// The lines of a libpq message joined by spaces, each trimmed, for one-line log messages.
    func joinedLines() -> String {
        split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .map { $0.drop(while: { $0 == " " || $0 == "\t" }) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
