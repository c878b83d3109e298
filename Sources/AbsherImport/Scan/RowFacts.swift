/// What the cross-row rules need to know of one record, kept for every row of a run.
///
/// Plain values only (no `String`, nothing reference-counted): a national export has tens of millions
/// of rows, so the first pass keeps these and not the records, and the merge pass reads the files again.
/// Usernames and e-mails live in the file's `TextArena`.
struct RowFacts: Sendable {
    /// The claimed ID as a number (10 digits fit), 0 when the row claims none.
    var id: UInt64
    /// The canonical record's `contentHash`, 0 for rows with errors.
    var contentHash: UInt64
    /// A resident's sponsor, 0 when none.
    var sponsorID: UInt64
    var line: UInt32
    /// The mobile's 9-digit national number, 0 when none.
    var mobile: UInt32
    /// Where the username's comparison key and the lower-cased e-mail sit in the file's arena, packed
    /// (offsets and 16-bit lengths) so that a row's facts take 48 bytes.
    private var usernameOffset: UInt32
    private var emailOffset: UInt32
    private var usernameLength: UInt16
    private var emailLength: UInt16

    /// The username's comparison key.
    var username: TextRef { TextRef(offset: usernameOffset, length: UInt32(usernameLength)) }
    /// The e-mail, lower-cased for comparison.
    var email: TextRef { TextRef(offset: emailOffset, length: UInt32(emailLength)) }
    /// The row has an error of SPEC sections 2 or 3 (it claims nothing for the cross-row rules).
    var hasFieldError: Bool
    /// Settled by the reconciler.
    var disposition: Disposition

    enum Disposition: UInt8, Sendable {
        /// Accepted: its record is merged.
        case merge
        /// Accepted as an identical repeat of an earlier row: merged once, through that row.
        case repeatOfEarlier
        /// Rejected: not merged.
        case rejected
    }

    init(result: RowResult, arena: inout TextArena) {
        line = UInt32(clamping: result.line)
        id = result.claimedID.map(Self.number) ?? 0
        hasFieldError = result.hasError
        if let record = result.record {
            contentHash = record.contentHash
            let username = record[.username].map { arena.append(Username.key($0)) } ?? .none
            usernameOffset = username.offset
            usernameLength = UInt16(clamping: username.length)
            mobile = record[.mobile].map { UInt32(truncatingIfNeeded: Self.number($0.utf8.dropFirst(4))) } ?? 0
            let email = record[.email].map { arena.append($0.lowercased()) } ?? .none
            emailOffset = email.offset
            emailLength = UInt16(clamping: email.length)

            sponsorID = record.kind == .resident ? record[.sponsorID].map(Self.number) ?? 0 : 0
            disposition = .merge
        } else {
            contentHash = 0
            usernameOffset = 0
            usernameLength = 0
            mobile = 0
            emailOffset = 0
            emailLength = 0
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

    static func mobileText(_ national: UInt32) -> String { "+966" + String(national) }
}

/// Where a text sits in a `TextArena`; length 0 means none.
struct TextRef: Sendable, Hashable {
    var offset: UInt32
    var length: UInt32

    static let none = TextRef(offset: 0, length: 0)
    var isNone: Bool { length == 0 }
}

/// The bytes of many short texts end to end: one allocation instead of one `String` each.
struct TextArena: Sendable {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ text: String) -> TextRef {
        let offset = UInt32(truncatingIfNeeded: bytes.count)
        bytes.append(contentsOf: text.utf8)
        return TextRef(offset: offset, length: UInt32(truncatingIfNeeded: bytes.count) &- offset)
    }

    func string(_ ref: TextRef) -> String {
        String(decoding: bytes[Int(ref.offset)..<Int(ref.offset + ref.length)], as: UTF8.self)
    }

    func bytes(_ ref: TextRef) -> ArraySlice<UInt8> { bytes[Int(ref.offset)..<Int(ref.offset + ref.length)] }

    /// FNV-1a 64 of the text: equal texts hash equal.
    func hash(_ ref: TextRef) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes(ref) {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
