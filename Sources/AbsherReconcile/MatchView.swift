import AbsherRules

/// One part of a normalised name, in bytes someone else holds.
typealias NamePart = UnsafeBufferPointer<UInt8>

/// One person as the matcher compares them (contract §4b): normalised names (`MatchName`), gender, birth day,
/// mobile and e-mail hash. A view into a scan's arena, or into a store person's bytes.
struct MatchView {
    var arabic: ArraySlice<UInt8>
    var english: ArraySlice<UInt8>
    /// 0 none, 1 male, 2 female.
    var gender: UInt8
    /// Days since 1970-01-01.
    var day: Int32
    /// The 9-digit national number, 0 none.
    var mobile: UInt32
    /// FNV-1a of the lower-cased e-mail, 0 none.
    var email: UInt64

    /// The parts of a normalised name (what `split(separator: 0x20)` gives), as pointers into `name`'s bytes,
    /// which the caller holds: comparing them touches no reference count.
    static func parts(_ name: UnsafeBufferPointer<UInt8>) -> [NamePart] {
        var parts: [NamePart] = []
        var start = 0
        for index in 0...name.count where index == name.count || name[index] == 0x20 {
            if index > start { parts.append(NamePart(rebasing: name[start..<index])) }
            start = index + 1
        }
        return parts
    }

    /// The skeleton keys of the first part and of the last (family) part of a name, 0 when absent.
    static func keys(_ name: ArraySlice<UInt8>) -> (first: UInt64, family: UInt64) {
        name.withUnsafeBufferPointer { keys($0) }
    }

    static func keys(_ name: UnsafeBufferPointer<UInt8>) -> (first: UInt64, family: UInt64) {
        guard !name.isEmpty else { return (0, 0) }
        let firstEnd = name.firstIndex(of: 0x20) ?? name.endIndex
        let first = NameSkeleton.key(UnsafeBufferPointer(rebasing: name[name.startIndex..<firstEnd]))
        guard firstEnd != name.endIndex else { return (first, 0) }
        let lastStart = name.lastIndex(of: 0x20).map { $0 + 1 } ?? name.startIndex
        return (first, NameSkeleton.key(UnsafeBufferPointer(rebasing: name[lastStart..<name.endIndex])))
    }
}
