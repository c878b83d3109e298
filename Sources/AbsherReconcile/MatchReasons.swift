/// What agreed between the two records of a pair (contract §4b `reasons`), in the order `matches.csv` lists
/// them.
package struct MatchReasons: OptionSet, Sendable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    package static let birthDate = MatchReasons(rawValue: 1)
    package static let gender = MatchReasons(rawValue: 2)
    package static let nameAr = MatchReasons(rawValue: 4)
    package static let nameEn = MatchReasons(rawValue: 8)
    /// An Arabic name on one side, a Latin one on the other, with the same consonants (`NameSkeleton`).
    package static let nameTransliterated = MatchReasons(rawValue: 16)
    package static let mobile = MatchReasons(rawValue: 32)
    package static let email = MatchReasons(rawValue: 64)

    static let names: [(MatchReasons, String)] = [
        (.birthDate, "birth_date"), (.gender, "gender"), (.nameAr, "name_ar"), (.nameEn, "name_en"),
        (.nameTransliterated, "name_transliterated"), (.mobile, "mobile"), (.email, "email"),
    ]

    /// `birth_date,name_ar,…`.
    package var list: [String] { Self.names.filter { contains($0.0) }.map(\.1) }
}
