import AbsherRules
import AbsherSchema
import Foundation

/// What the matcher of contract §4b needs of a citizen or resident row beyond its `RowFacts`: the names as
/// `MatchName` normalises them (in the file's arena, Arabic then English), the gender and the birth day.
/// 12 bytes a row; rows without a record have none.
package struct PersonFacts: Sendable {
    /// Where the normalised Arabic name starts in the arena; the English one follows it.
    package var names: UInt32
    package var arabicLength: UInt8
    package var englishLength: UInt8
    /// 0 none, 1 male, 2 female.
    package var gender: UInt8
    /// Days since 1970-01-01, `Int32.min` when none.
    package var birthDay: Int32

    /// `ABSHER_IMPORT_MATCHING=off` (only to measure the matcher's cost, BENCHMARKS.md): no row gets these.
    package static let isEnabled = ProcessInfo.processInfo.environment["ABSHER_IMPORT_MATCHING"] != "off"

    package static let none = PersonFacts(names: 0, arabicLength: 0, englishLength: 0, gender: 0, birthDay: .min)

    package init(names: UInt32, arabicLength: UInt8, englishLength: UInt8, gender: UInt8, birthDay: Int32) {
        self.names = names
        self.arabicLength = arabicLength
        self.englishLength = englishLength
        self.gender = gender
        self.birthDay = birthDay
    }

    package init(record: CanonicalRecord?, arena: inout TextArena) {
        guard let record else {
            self = .none
            return
        }
        let arabic = record[.nameAr].map { MatchName.arabic($0) } ?? []
        let english = record[.nameEn].map { MatchName.english($0) } ?? []
        let stored = arena.append(bytes: arabic.prefix(255), english.prefix(255))
        names = stored
        arabicLength = UInt8(min(arabic.count, 255))
        englishLength = UInt8(min(english.count, 255))
        switch record[.gender] {
        case "M": gender = 1
        case "F": gender = 2
        default: gender = 0
        }
        birthDay = record[.birthDate].flatMap { GregorianDate(iso: $0) }.map { Int32($0.daysSince1970) } ?? .min
    }

    package var hasBirthDay: Bool { birthDay != .min }
}
