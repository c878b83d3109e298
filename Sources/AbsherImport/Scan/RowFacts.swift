/// What the cross-row rules need to know of one record, kept for every row of a run.
///
/// Compact on purpose: a national export has tens of millions of rows, so the first pass
/// keeps these and not the records (the merge pass reads the files again).
struct RowFacts: Sendable {
    var line: Int
    /// The claimed ID as a number (10 digits fit), 0 when the row claims none.
    var id: UInt64
    /// The canonical record's `contentHash`, 0 for rows with errors.
    var contentHash: UInt64
    var usernameKey: String?
    /// The mobile's 9-digit national number, 0 when none.
    var mobile: UInt64
    var email: String?
    /// A resident's sponsor, 0 when none.
    var sponsorID: UInt64
    /// The row has an error of SPEC sections 2 or 3 (it claims nothing for the cross-row rules).
    var hasFieldError: Bool
    /// Settled by the reconciler.
    var disposition: Disposition = .merge

    enum Disposition: UInt8, Sendable {
        /// Accepted: its record is merged.
        case merge
        /// Accepted as an identical repeat of an earlier row: merged once, through that row.
        case repeatOfEarlier
        /// Rejected: not merged.
        case rejected
    }

    init(result: RowResult) {
        line = result.line
        id = result.claimedID.map(Self.number) ?? 0
        hasFieldError = result.hasError
        if let record = result.record {
            contentHash = record.contentHash
            usernameKey = record[.username].map(Username.key)
            mobile = record[.mobile].map { Self.number($0.utf8.dropFirst(4)) } ?? 0
            email = record[.email]
            sponsorID = record.kind == .resident ? record[.sponsorID].map(Self.number) ?? 0 : 0
            disposition = .merge
        } else {
            contentHash = 0
            mobile = 0
            sponsorID = 0
            disposition = .rejected
        }
    }

    static func number(_ digits: String) -> UInt64 { number(digits.utf8) }

    static func number<Bytes: Sequence<UInt8>>(_ digits: Bytes) -> UInt64 {
        var value: UInt64 = 0
        for byte in digits { value = value &* 10 &+ UInt64(byte &- 0x30) }
        return value
    }

    /// The 10-digit text of an ID number.
    static func idText(_ id: UInt64) -> String {
        let digits = String(id)
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    static func mobileText(_ national: UInt64) -> String { "+966" + String(national) }
}
