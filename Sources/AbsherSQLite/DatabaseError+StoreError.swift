import AbsherStore

extension DatabaseError: StoreError {
    public var failure: StoreFailure {
        if isBusy { return .locked }
        if isNotADatabase { return .notAStore }
        if isDiskFull { return .diskFull }
        return .other
    }
}
