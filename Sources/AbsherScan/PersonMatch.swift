import AbsherSchema

/// One pair of contract §4b: a record of this run and another person record (of this run or the store) that
/// are probably one person, with the score and the reasons; `matches.csv` has one row per pair.
public struct PersonMatch: Sendable, Equatable {
    /// The most people of one block of the matcher (who share a birth day and the initials of a name, or a
    /// mobile) that it pairs; a larger block is skipped, and the run says how many were.
    package static let blockLimit = 64

    public struct Side: Sendable, Equatable {
        public var id: String
        public var kind: RecordKind
        /// As written (NFC), nil when unknown to the matcher (a run record before its merge) or absent.
        public var nameAr: String?
        public var nameEn: String?
        /// Gregorian `YYYY-MM-DD`.
        public var birthDate: String
        /// E.164, nil when none.
        public var mobile: String?
        /// The record is the store's (not in this run).
        public var fromStore: Bool

        public init(
            id: String, kind: RecordKind, nameAr: String?, nameEn: String?, birthDate: String, mobile: String?,
            fromStore: Bool
        ) {
            self.id = id
            self.kind = kind
            self.nameAr = nameAr
            self.nameEn = nameEn
            self.birthDate = birthDate
            self.mobile = mobile
            self.fromStore = fromStore
        }
    }

    public var record: Side
    public var other: Side
    /// The probability that the two are one person, 0 to 1.
    public var score: Double
    /// `birth_date`, `name_ar`, … (`reasons` of matches.csv).
    public var reasons: [String]

    public init(record: Side, other: Side, score: Double, reasons: [String]) {
        self.record = record
        self.other = other
        self.score = score
        self.reasons = reasons
    }

    /// The score as matches.csv writes it, three decimals.
    public var scoreText: String {
        let thousandths = Int((min(max(score, 0), 1) * 1000).rounded(.down))
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
