import AbsherRules
import Foundation

/// The Fellegi-Sunter model of contract §4b: each piece of evidence weighs `log2(m/u)`, `m` the chance that
/// two records of one person agree on it, `u` the chance that two people's records do. `u` comes from the
/// data (how often a birth day, a first name or a family name occurs among the run's people: two
/// "Mohammed Alqahtani" born the same day say less than two "Thamer Alsudairi"); `m` from priors (README,
/// "Matching"). A name part that both records have and that disagrees, or birth days more than a day apart,
/// mean another person: no weight at all.
struct MatchModel {
    /// How often two people share a birth day: Σ c(c-1) / N(N-1) over the birth days' counts `c`.
    let sameDay: Double
    /// How many people the weights were counted over.
    let people: Int
    /// How many of the run's first names (`family` false) or family names have this skeleton key.
    let count: @Sendable (_ key: UInt64, _ family: Bool) -> Int

    /// The estimates are smoothed towards priors, as if `priorPeople` more people had been counted: a small
    /// run says little of how common a day or a name is. Birth days spread over some 55 years; a name part is
    /// one in 1,000.
    static let priorPeople = 1_000.0
    static let priorSameDay = 1 / 20_000.0
    static let priorShare = 1 / 1_000.0

    init<Counts: Sequence<Int32>>(
        people: Int, dayCounts: Counts, count: @escaping @Sendable (_ key: UInt64, _ family: Bool) -> Int
    ) {
        self.people = people
        self.count = count
        let pairs = dayCounts.reduce(0.0) { $0 + Double($1) * Double($1 - 1) }
        let n = Double(people)
        let priorPairs = Self.priorPeople * Self.priorPeople
        sameDay = (pairs + priorPairs * Self.priorSameDay) / (n * max(n - 1, 0) + priorPairs)
    }

    /// A part's share among the run's first names or family names, smoothed.
    func frequency(_ key: UInt64, _ family: Bool) -> Double {
        (Double(count(key, family)) + Self.priorPeople * Self.priorShare) / (Double(people) + Self.priorPeople)
    }

    static let mSameDay = 0.9
    static let mNextDay = 0.1
    static let mPart = 0.95
    static let mGender = 0.98
    static let mMobile = 0.5
    static let mEmail = 0.3
    /// Weights are bounded, so that one rare value does not decide a pair alone.
    static let maxPartWeight = 14.0
    static let maxContactWeight = 12.0

    /// The log2 prior odds that two people are one: one in 8 × people.
    var priorWeight: Double { -log2(Double(max(people, 2)) * 8) }

    /// The weight of the evidence for the pair, nil when it means another person.
    func weigh(_ a: MatchView, _ b: MatchView) -> (weight: Double, reasons: MatchReasons)? {
        guard var weighed = weighWithoutContacts(a, b) else { return nil }
        addContacts(a, b, to: &weighed)
        return weighed
    }

    /// `weigh` but for the mobiles and e-mails, which it weighs last: nil when the birth days or the names
    /// mean another person, as most pairs weighed do, before their contacts are read (`addContacts`).
    func weighWithoutContacts(_ a: MatchView, _ b: MatchView) -> (weight: Double, reasons: MatchReasons)? {
        let apart = abs(Int(a.day) - Int(b.day))
        guard apart <= 1 else { return nil }
        var weight =
            apart == 0 ? log2(Self.mSameDay / sameDay) : log2(Self.mNextDay / (2 * sameDay))
        var reasons: MatchReasons = .birthDate
        if a.gender != 0 && b.gender != 0 {
            if a.gender == b.gender {
                weight += log2(Self.mGender / 0.5)
                reasons.insert(.gender)
            } else {
                weight += log2((1 - Self.mGender) / 0.5)
            }
        }
        guard let names = weighNames(a, b) else { return nil }
        weight += names.weight
        reasons.formUnion(names.reasons)
        return (weight, reasons)
    }

    /// Adds the weight of the mobiles and the e-mails of `a` and `b` to what `weighWithoutContacts` gave.
    func addContacts(_ a: MatchView, _ b: MatchView, to weighed: inout (weight: Double, reasons: MatchReasons)) {
        if a.mobile != 0 && b.mobile != 0 {
            if a.mobile == b.mobile {
                weighed.weight += Self.maxContactWeight
                weighed.reasons.insert(.mobile)
            } else {
                weighed.weight += log2(1 - Self.mMobile)
            }
        }
        if a.email != 0 && b.email != 0 {
            if a.email == b.email {
                weighed.weight += Self.maxContactWeight - 2
                weighed.reasons.insert(.email)
            } else {
                weighed.weight += log2(1 - Self.mEmail)
            }
        }
    }

    /// The pair's probability of being one person, from its weight and the prior.
    func score(_ weight: Double) -> Double { 1 / (1 + exp2(-(weight + priorWeight))) }

    /// Names in each script both records have; across scripts by skeleton when they share none.
    private func weighNames(_ a: MatchView, _ b: MatchView) -> (weight: Double, reasons: MatchReasons)? {
        a.arabic.withUnsafeBufferPointer { arabicA in
            a.english.withUnsafeBufferPointer { englishA in
                b.arabic.withUnsafeBufferPointer { arabicB in
                    b.english.withUnsafeBufferPointer { englishB in
                        weighNames(arabicA, englishA, arabicB, englishB)
                    }
                }
            }
        }
    }

    private func weighNames(
        _ arabicA: NamePart, _ englishA: NamePart, _ arabicB: NamePart, _ englishB: NamePart
    ) -> (weight: Double, reasons: MatchReasons)? {
        let arabic = !arabicA.isEmpty && !arabicB.isEmpty
        let english = !englishA.isEmpty && !englishB.isEmpty
        var states = PartStates()
        var reasons: MatchReasons = []
        if arabic {
            let compared = PartStates.compare(MatchView.parts(arabicA), MatchView.parts(arabicB))
            if compared.agrees { reasons.insert(.nameAr) }
            states.combine(compared)
        }
        if english {
            let compared = PartStates.compare(MatchView.parts(englishA), MatchView.parts(englishB))
            if compared.agrees { reasons.insert(.nameEn) }
            states.combine(compared)
        }
        if !arabic && !english {
            let left = arabicA.isEmpty ? englishA : arabicA
            let right = arabicB.isEmpty ? englishB : arabicB
            guard !left.isEmpty, !right.isEmpty else { return (0, []) }
            let compared = PartStates.compareSkeletons(MatchView.parts(left), MatchView.parts(right))
            if compared.agrees { reasons.insert(.nameTransliterated) }
            states.combine(compared)
        }
        if states.disagrees { return nil }
        // A part of another name, as far as the skeletons tell: m 0.1 against u 0.9.
        var weight = Double(states.unlikeAcrossScripts) * log2(0.1 / 0.9)
        for part in states.parts {
            let share = frequency(part.key, part.family)
            var partWeight = min(Self.maxPartWeight, max(1, log2(Self.mPart / max(share, 1e-9))))
            switch part.state {
            case .agree: break
            case .close: partWeight -= 2
            case .transliterated: partWeight -= 1
            }
            weight += partWeight
        }
        return (weight, reasons)
    }
}
