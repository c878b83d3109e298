/// The kind of a `PostgresError`, from its SQLSTATE (PostgreSQL's Appendix A, "Error Codes") and the
/// state of the connection.
public enum PostgresErrorKind: Sendable, Equatable, CustomStringConvertible {
    /// The connection string is not one libpq reads (`PQconninfoParse` refused it): a usage error.
    case invalidConnectionString
    /// No server answered: no such host or socket, connection refused, timed out (exit 69).
    case cannotConnect
    /// A server answered but refused the session: authentication failed, no `pg_hba.conf` entry, unknown
    /// role or database, too many connections, starting up (exit 69).
    case loginRefused
    /// The connection broke after it was made (`PQstatus` is `CONNECTION_BAD`, SQLSTATE class 08, or the
    /// server shutting down, 57P01 to 57P03): exit 74.
    case connectionLost
    /// 53100 `disk_full`: exit 74.
    case diskFull
    /// 40001 `serialization_failure` or 40P01 `deadlock_detected`.
    case serializationFailure
    /// 55P03 `lock_not_available`, also raised when `lock_timeout` expires.
    case lockNotAvailable
    /// SQLSTATE class 23, integrity constraint violation.
    case constraintViolation
    /// 57014 `query_canceled` (statement timeout, cancel request).
    case queryCanceled
    /// A misuse of this API found before libpq ran (a closed connection, a NUL byte in a text value…).
    case misuse
    /// Any other error.
    case other

    /// The kind for `sqlState` (`nil` for errors libpq found itself) on a connection that is or is not
    /// broken.
    init(sqlState: String?, connectionBroken: Bool) {
        if connectionBroken {
            self = .connectionLost
            return
        }
        switch sqlState {
        case "53100": self = .diskFull
        case "40001", "40P01": self = .serializationFailure
        case "55P03": self = .lockNotAvailable
        case "57014": self = .queryCanceled
        case "57P01", "57P02", "57P03": self = .connectionLost
        case let state? where state.hasPrefix("08"): self = .connectionLost
        case let state? where state.hasPrefix("23"): self = .constraintViolation
        default: self = .other
        }
    }

    public var description: String {
        switch self {
        case .invalidConnectionString: "invalid connection string"
        case .cannotConnect: "cannot connect"
        case .loginRefused: "login refused"
        case .connectionLost: "connection lost"
        case .diskFull: "disk full"
        case .serializationFailure: "serialization failure"
        case .lockNotAvailable: "locked"
        case .constraintViolation: "constraint violation"
        case .queryCanceled: "query canceled"
        case .misuse: "misuse"
        case .other: "error"
        }
    }
}
