/// One person record of the pairs mode (`--duplicates`), as text: the pair generator varies spellings, so it
/// works on strings (its files are test sizes, not the bench's).
struct PairPerson {
    var id: Int
    var isCitizen: Bool
    /// Name parts: first, then the father's (may be absent), then the family name (one or more words).
    var arabic: [String]?
    var english: [String]?
    /// Days since 1970-01-01 (Gregorian).
    var birthDay: Int
    /// How the birth date is written: Hijri or Gregorian, day first or ISO.
    var birthHijri: Bool
    var birthDayFirst: Bool
    var female: Bool
    var writesGender: Bool
    /// The 9-digit national number.
    var mobile: Int
    var email: String?
    var nationality: String
}
