/// The limits a run was held to, as `summary.json` records them (contract §6.7), so that a monitor can judge
/// a run without knowing its command line. `run` has all of them; `validate` has no store, so no deactivation
/// limit and no lock timeout.
public struct RunThresholds: Sendable, Equatable {
    public var maxRejectRate: Double
    /// `--max-deactivate-rate`; nil for `validate`.
    public var maxDeactivateRate: Double?
    public var maxPerMobile: Int
    public var maxPerEmail: Int
    public var usernameMin: Int
    public var usernameMax: Int
    /// `--lock-timeout` in seconds; nil for `validate`.
    public var lockTimeoutSeconds: Double?

    public init(
        maxRejectRate: Double, maxDeactivateRate: Double?, maxPerMobile: Int, maxPerEmail: Int, usernameMin: Int,
        usernameMax: Int, lockTimeoutSeconds: Double?
    ) {
        self.maxRejectRate = maxRejectRate
        self.maxDeactivateRate = maxDeactivateRate
        self.maxPerMobile = maxPerMobile
        self.maxPerEmail = maxPerEmail
        self.usernameMin = usernameMin
        self.usernameMax = usernameMax
        self.lockTimeoutSeconds = lockTimeoutSeconds
    }

    /// The `thresholds` object of `summary.json`: the keys a run does not have are left out.
    package var json: JSONValue {
        var object: [(String, JSONValue)] = [("max_reject_rate", .double(maxRejectRate))]
        if let maxDeactivateRate { object.append(("max_deactivate_rate", .double(maxDeactivateRate))) }
        object += [
            ("max_per_mobile", .int(maxPerMobile)), ("max_per_email", .int(maxPerEmail)),
            ("username_min", .int(usernameMin)), ("username_max", .int(usernameMax)),
        ]
        if let lockTimeoutSeconds { object.append(("lock_timeout", .double(lockTimeoutSeconds))) }
        return .object(object)
    }
}
