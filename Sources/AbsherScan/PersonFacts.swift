import AbsherRules
import AbsherSchema
import Foundation

/// What the matcher of contract §4b needs of a citizen or resident row beyond its `RowFacts`: the names as
/// `MatchName` normalises them (in the scan's `names` arena, Arabic then English, at most 63 bytes each), the
/// gender and the birth day. 8 bytes a row; rows without a record have none.
package struct PersonFacts: Sendable {
    /// Where the normalised Arabic name starts in the arena; the English one follows it.
    package var names: UInt32
    /// `arabicLength | englishLength << 6 | gender << 12 | day << 14`, the day counted from 1849-12-31
    /// (0: none) in 17 bits.
    private var packed: UInt32

    package var arabicLength: Int { Int(packed & 0x3F) }
    package var englishLength: Int { Int(packed >> 6 & 0x3F) }
    /// Where the normalised Arabic name is in the scan's `names` arena.
    package var arabicRange: Range<Int> { Int(names)..<Int(names) + arabicLength }
    /// Where the normalised English name is, just after the Arabic one.
    package var englishRange: Range<Int> { arabicRange.upperBound..<arabicRange.upperBound + englishLength }
    /// 0 none, 1 male, 2 female.
    package var gender: UInt8 { UInt8(packed >> 12 & 0x3) }
    /// Days since 1970-01-01, `Int32.min` when none.
    package var birthDay: Int32 { packed >> 14 == 0 ? .min : Int32(packed >> 14) - Self.dayOffset }

    private static let dayOffset: Int32 = 43_831
    private static let maxLength = 63

    /// `ABSHER_IMPORT_MATCHING=off` (only to measure the matcher's cost, BENCHMARKS.md): no row gets these.
    package static let isEnabled = ProcessInfo.processInfo.environment["ABSHER_IMPORT_MATCHING"] != "off"

    package static let none = PersonFacts(names: 0, arabicLength: 0, englishLength: 0, gender: 0, birthDay: .min)

    package init(names: UInt32, arabicLength: Int, englishLength: Int, gender: UInt8, birthDay: Int32) {
        self.names = names
        let day = birthDay == .min ? 0 : UInt32(min(max(birthDay + Self.dayOffset, 1), (1 << 17) - 1))
        packed =
            UInt32(min(arabicLength, Self.maxLength)) | UInt32(min(englishLength, Self.maxLength)) << 6
            | UInt32(gender & 0x3) << 12 | day << 14
    }

    package init(record: CanonicalRecord?, arena: inout TextArena) {
        guard let record else {
            self = .none
            return
        }
        // Normalised in a buffer on the stack and copied into the arena cut to `maxLength` bytes: no array a
        // name (a normalised name is never longer than its text).
        let nameAr = record[.nameAr]
        let nameEn = record[.nameEn]
        let stored = arena.end
        let room = max(nameAr?.utf8.count ?? 0, nameEn?.utf8.count ?? 0, 1)
        let (arabicLength, englishLength) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { buffer in
            let scratch = buffer.baseAddress!
            let arabicLength = nameAr.map { MatchName.writeArabic($0, into: scratch) } ?? 0
            arena.append(scratch, count: min(arabicLength, Self.maxLength))
            let englishLength = nameEn.map { MatchName.writeEnglish($0, into: scratch) } ?? 0
            arena.append(scratch, count: min(englishLength, Self.maxLength))
            return (arabicLength, englishLength)
        }
        let gender: UInt8
        switch record[.gender] {
        case "M": gender = 1
        case "F": gender = 2
        default: gender = 0
        }
        let birthDay = record[.birthDate].flatMap { GregorianDate(iso: $0) }.map { Int32($0.daysSince1970) } ?? .min
        self.init(
            names: stored, arabicLength: arabicLength, englishLength: englishLength, gender: gender, birthDay: birthDay)
    }

    package var hasBirthDay: Bool { birthDay != .min }
}
