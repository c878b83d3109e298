import AbsherStore

extension DatabaseError: StoreError {
    public var failure: StoreFailure {
        if isBusy { return .locked }
        if isDiskFull { return .diskFull }
        // Cannot open, not a database, or one of our own checks on opening (which run no SQL).
        if code.primary == .cannotOpen || isNotADatabase || sql == nil { return .cannotOpen }
        return .other
    }
}
