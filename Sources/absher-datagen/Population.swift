import AbsherRules
import AbsherSchema

/// Who exists in the registers for a seed and a size: counts, IDs, defects and night-2 changes,
/// each derived from `(seed, index)` alone.
struct Population {
    let options: GeneratorOptions
    let citizenCount: Int
    let residentCount: Int
    let sponsorCount: Int
    /// Sponsors with an index divisible by 3 (below this many times 3) are citizens.
    let individualSponsorCount: Int
    /// Citizen `k * stride` is individual sponsor number `k`.
    let sponsorCitizenStride: Int
    /// Records added on night 2, after the night-1 indices.
    let newCitizenCount: Int
    let newResidentCount: Int
    let newSponsorCount: Int

    init(options: GeneratorOptions) {
        self.options = options
        let rows = options.rows
        var sponsors = rows * 2 / 100
        if sponsors == 0, rows >= 3 { sponsors = 1 }
        let citizens = rows * 55 / 100
        sponsorCount = sponsors
        citizenCount = citizens
        residentCount = rows - sponsors - citizens
        let individuals = citizens > 0 ? min((sponsors + 2) / 3, citizens) : 0
        individualSponsorCount = individuals
        sponsorCitizenStride = individuals > 0 ? max(1, citizens / individuals) : 1
        let newShare = options.night == 2 ? options.changeRate / 5 : 0
        newCitizenCount = Int((Double(citizens) * newShare).rounded())
        newResidentCount = sponsors > 0 ? Int((Double(residentCount) * newShare).rounded()) : 0
        newSponsorCount = Int((Double(sponsors) * newShare).rounded())
    }

    // MARK: Identity

    /// The valid national ID of citizen `index` (leading 1).
    func citizenID(_ index: Int) -> Int {
        personID(leading: 1, index: index, salt: 1)
    }

    /// The valid iqama number of resident `index` (leading 2).
    func residentID(_ index: Int) -> Int {
        personID(leading: 2, index: index, salt: 2)
    }

    /// The unified number of establishment `index` (leading 7, no check digit).
    func establishmentID(_ index: Int) -> Int {
        let offset = Int(SplitMix64.hash(seed: options.seed, stream: .identifiers, index: 7) % 1_000_000_000)
        return 7_000_000_000 + (index &* 387_420_489 &+ offset) % 1_000_000_000
    }

    /// Leading digit, then 8 digits that are a bijection of `index` (so IDs never repeat), then the Luhn digit.
    func personID(leading: Int, index: Int, salt: Int) -> Int {
        let offset = Int(SplitMix64.hash(seed: options.seed, stream: .identifiers, index: salt) % 100_000_000)
        let body = leading * 100_000_000 + (index &* 48_271_203 &+ offset) % 100_000_000
        return body * 10 + Int(Self.checkDigit(body))
    }

    /// The Luhn check digit for a 9-digit payload.
    static func checkDigit(_ payload: Int) -> UInt8 {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 9) { digits in
            var rest = payload
            for position in stride(from: 8, through: 0, by: -1) {
                digits[position] = 0x30 + UInt8(rest % 10)
                rest /= 10
            }
            return Luhn.checkDigit(for: digits)
        }
    }

    /// Whether citizen `index` is also an individual sponsor (so never defective nor removed).
    func isSponsorCitizen(_ index: Int) -> Bool {
        index % sponsorCitizenStride == 0 && index / sponsorCitizenStride < individualSponsorCount
    }

    /// The citizen that sponsor `index` is, or nil for an establishment.
    func sponsorCitizen(_ index: Int) -> Int? {
        guard index < sponsorCount, index % 3 == 0, index / 3 < individualSponsorCount else { return nil }
        return index / 3 * sponsorCitizenStride
    }

    // MARK: Defects and changes

    /// The defect planted in a record, the same on both nights.
    func defect(stream: SplitMix64.Stream, index: Int, choices: [Defect]) -> (Defect, Int)? {
        guard options.defectRate > 0 else { return nil }
        if stream == .citizenDefect, index < citizenCount, isSponsorCitizen(index) { return nil }
        var random = SplitMix64(seed: options.seed, stream: stream, index: index)
        guard random.chance(options.defectRate) else { return nil }
        return (random.pick(choices), random.below(1 << 20))
    }

    func sponsorDefect(_ index: Int) -> (Defect, Int)? {
        defect(stream: .sponsorDefect, index: index, choices: Defect.sponsorDefects)
    }

    /// A sponsor that residents may name: not defective, so its row claims its ID.
    func usableSponsor(from start: Int) -> Int {
        var candidate = start % sponsorCount
        for _ in 0..<min(sponsorCount, 64) {
            if sponsorDefect(candidate) == nil { return candidate }
            candidate = (candidate + 1) % sponsorCount
        }
        return candidate
    }

    /// What happens to a night-1 record on night 2: removed, or changed in one way.
    func nightTwoFate(stream: SplitMix64.Stream, index: Int, choices: [Change], removable: Bool)
        -> (removed: Bool, change: Change?, random: SplitMix64)
    {
        var random = SplitMix64(seed: options.seed, stream: stream, index: index)
        let removed = random.chance(options.changeRate / 5)
        let changed = random.chance(options.changeRate)
        let change = random.pick(choices)
        guard options.night == 2 else { return (false, nil, random) }
        if removable, removed { return (true, nil, random) }
        return (false, changed ? change : nil, random)
    }
}
