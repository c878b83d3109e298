import AbsherReading
import AbsherRules
import AbsherSchema
import AbsherSupport

/// What the cross-row rules need to know of one record, kept for every row of a run.
///
/// Plain values only (no `String`, nothing reference-counted): a national export has tens of millions
/// of rows, so the first pass keeps these and not the records, and the merge pass reads the files again.
/// Usernames and e-mails live in the file's `TextArena`.
public struct RowFacts: Sendable {
    /// A 10-digit number fits in 34 bits, a line number (up to 2^30) or a 9-digit mobile in 30: pairs of
    /// them share one `UInt64`, so that a row's facts take 40 bytes.
    private static let lowBits: UInt64 = 30
    private static let lowMask: UInt64 = (1 << lowBits) - 1

    /// `id << 30 | line`.
    private var idAndLine: UInt64
    /// `sponsorID << 30 | mobile`.
    private var sponsorAndMobile: UInt64
    /// The canonical record's `contentHash`, 0 for rows with errors.
    package var contentHash: UInt64

    /// The claimed ID as a number, 0 when the row claims none.
    package var id: UInt64 { idAndLine >> Self.lowBits }
    /// The physical line where the record starts.
    package var line: UInt32 { UInt32(truncatingIfNeeded: idAndLine & Self.lowMask) }
    /// A resident's sponsor, 0 when none.
    package var sponsorID: UInt64 { sponsorAndMobile >> Self.lowBits }
    /// The mobile's 9-digit national number, 0 when none.
    package var mobile: UInt32 { UInt32(truncatingIfNeeded: sponsorAndMobile & Self.lowMask) }

    /// Where the username's comparison key and the lower-cased e-mail sit in the file's arena (offsets and
    /// 16-bit lengths).
    private var usernameOffset: UInt32
    private var emailOffset: UInt32
    private var usernameLength: UInt16
    private var emailLength: UInt16

    /// The username's comparison key.
    package var username: TextRef { TextRef(offset: usernameOffset, length: UInt32(usernameLength)) }
    /// The e-mail, lower-cased for comparison.
    package var email: TextRef { TextRef(offset: emailOffset, length: UInt32(emailLength)) }
    /// The row has an error of contract §2 or §3 (it claims nothing for the cross-row rules).
    package var hasFieldError: Bool { fieldErrorOrdinal != 0 }
    /// The first error of contract §2 or §3 that rejected the row, if any: what a finding that follows from
    /// the row's rejection names (contract §4.6).
    package var fieldError: RuleCode? {
        fieldErrorOrdinal == 0 ? nil : RuleCode.ordered[Int(fieldErrorOrdinal) - 1]
    }
    /// 1 + the index in `RuleCode.ordered` of `fieldError`, 0 for none (a byte, where a `Bool` was).
    private var fieldErrorOrdinal: UInt8
    /// Settled by the reconciler.
    package var disposition: Disposition

    package enum Disposition: UInt8, Sendable {
        /// Accepted: its record is merged.
        case merge
        /// Accepted as an identical repeat of an earlier row: merged once, through that row.
        case repeatOfEarlier
        /// Rejected: not merged.
        case rejected
    }

    package init(result: RowResult, arena: inout TextArena) {
        let id = result.claimedID.map { Digits.number($0) } ?? 0
        idAndLine = id << Self.lowBits | min(UInt64(max(result.line, 0)), Self.lowMask)
        fieldErrorOrdinal = 0
        if result.hasError {
            let rule = result.findings.first { $0.severity == .error }?.rule ?? .rowMalformed
            fieldErrorOrdinal = UInt8(1 + (RuleCode.ordered.firstIndex(of: rule) ?? 0))
        }
        if let record = result.record {
            contentHash = record.contentHash
            let username = record[.username].map { arena.append(Username.key($0)) } ?? .none
            usernameOffset = username.offset
            usernameLength = UInt16(clamping: username.length)
            let mobile = record[.mobile].map(Self.nationalNumber) ?? 0
            let email = record[.email].map { arena.appendLowercased($0) } ?? .none
            emailOffset = email.offset
            emailLength = UInt16(clamping: email.length)
            let sponsorID = record.kind == .resident ? record[.sponsorID].map { Digits.number($0) } ?? 0 : 0
            sponsorAndMobile = sponsorID << Self.lowBits | (mobile & Self.lowMask)
            disposition = .merge
        } else {
            contentHash = 0
            usernameOffset = 0
            usernameLength = 0
            emailOffset = 0
            emailLength = 0
            sponsorAndMobile = 0
            disposition = .rejected
        }
    }

    /// The 9-digit national number of a normalised mobile (`+966` and nine digits), read over its bytes at once.
    private static func nationalNumber(_ mobile: String) -> UInt64 {
        var mobile = mobile
        return mobile.withUTF8 { Digits.number($0.dropFirst(4)) }
    }

    /// The 10-digit text of an ID number.
    package static func idText(_ id: UInt64) -> String {
        let digits = String(id)
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    package static func mobileText(_ national: UInt32) -> String { "+966" + String(national) }
}
