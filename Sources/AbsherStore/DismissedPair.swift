/// Two IDs recorded as different people (`absher-import matches dismiss`, contract §4b): never reported as a
/// pair again. `first` is the smaller ID.
public struct DismissedPair: Sendable, Hashable {
    public var first: String
    public var second: String
    /// Who dismissed it ($USER or $LOGNAME) and when (ISO 8601 UTC); empty when only the pair is asked.
    public var dismissedBy: String
    public var dismissedAt: String

    public init(_ a: String, _ b: String, dismissedBy: String = "", dismissedAt: String = "") {
        first = min(a, b)
        second = max(a, b)
        self.dismissedBy = dismissedBy
        self.dismissedAt = dismissedAt
    }
}
