/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014):
/// a tiny, fast, seedable generator, plenty for test data.
///
/// Every record draws from its own generator seeded by `(seed, stream, index)`, so a record
/// is the same whatever else is generated and whichever night asks for it.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A generator for record `index` of `stream` under the run's `seed`.
    init(seed: UInt64, stream: Stream, index: Int) {
        state = SplitMix64.hash(seed: seed, stream: stream, index: index)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A number in `0..<bound` (the modulo bias is irrelevant for test data).
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }

    /// A number in `range`.
    mutating func within(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) * 0x1p-53 < probability
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// The SplitMix64 finaliser.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func hash(seed: UInt64, stream: Stream, index: Int) -> UInt64 {
        mix(mix(seed &+ stream.rawValue &* 0xD1B5_4A32_D192_ED03) ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
    }

    /// Independent sequences of draws, so that adding a draw to one never shifts another.
    enum Stream: UInt64 {
        case citizen = 1
        case resident = 2
        case sponsor = 3
        case citizenDefect = 11
        case residentDefect = 12
        case sponsorDefect = 13
        case citizenChange = 21
        case residentChange = 22
        case sponsorChange = 23
        case identifiers = 31
    }
}
