import AbsherStore
import PostgresClient

extension PostgresError: StoreError {
    /// cannotConnect, loginRefused → unavailable (69); connectionLost (74); diskFull (74); lockNotAvailable
    /// → locked (75); an unreadable connection string → cannotOpen (73); anything else → other.
    public var failure: StoreFailure {
        switch kind {
        case .cannotConnect, .loginRefused: return .unavailable
        case .connectionLost: return .connectionLost
        case .diskFull: return .diskFull
        case .lockNotAvailable: return .locked
        case .invalidConnectionString: return .cannotOpen
        default: return .other
        }
    }
}
