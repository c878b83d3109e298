extension Reconciler {
    /// The IDs of one file once its duplicates are settled: the rows that claim their ID (one per ID) as
    /// sorted `IDRow` (`id << 30 | row`), and the IDs whose rows differ (claimed by none, every row rejected).
    package struct ClaimedIDs: Sendable {
        package var claims: [UInt64]
        package var conflicting: [UInt64]

        package init(claims: [UInt64], conflicting: [UInt64]) {
            self.claims = claims
            self.conflicting = conflicting
        }
    }
}
