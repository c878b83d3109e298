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

    /// A pair is its two IDs, whoever dismissed it.
    public static func == (lhs: DismissedPair, rhs: DismissedPair) -> Bool {
        lhs.first == rhs.first && lhs.second == rhs.second
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(first)
        hasher.combine(second)
    }
}
