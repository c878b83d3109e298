import AbsherRules

/// The pairs mode of `absher-datagen` (`--duplicates RATE`): people with known truth for the matcher of
/// contract §4b. Each of `rows` people is one record; a share `RATE` of them gets a second record under another
/// ID made the way real exports differ (a true pair), another share `RATE` a look-alike who is another person
/// (same name born another day; same birth date, first and family name with another father; a twin with
/// another first name). `truth.csv` lists both: `id_a,id_b,truth` with `duplicate` or `lookalike`.
struct PairPopulation {
    let options: GeneratorOptions
    private let ids: Population
    private var nextCitizen = 0
    private var nextResident = 0
    private(set) var records: [PairPerson] = []
    private(set) var truth: [(Int, Int, String)] = []
    /// The establishment every resident names as sponsor (sponsors.csv holds it).
    let sponsorID = 7_000_000_017

    init(options: GeneratorOptions) {
        self.options = options
        ids = Population(options: options)
    }

    /// Draws everyone, in order of index.
    mutating func generate() {
        for index in 0..<options.rows {
            var random = SplitMix64(seed: options.seed, stream: .citizen, index: index &+ 1_000_003)
            var base = basePerson(&random)
            var second: PairPerson?
            if random.chance(options.duplicateRate) {
                var variation = PairVariation(random: random, base: base)
                var made = variation.duplicate()
                made.id = newID(citizen: made.isCitizen)
                second = made
                base = variation.base
                random = variation.random
            }
            records.append(base.person)
            if let second {
                records.append(second)
                truth.append((base.person.id, second.id, "duplicate"))
            }
            if random.chance(options.duplicateRate) {
                var variation = PairVariation(random: random, base: base)
                var other = variation.lookalike()
                other.id = newID(citizen: base.person.isCitizen)
                records.append(other)
                truth.append((base.person.id, other.id, "lookalike"))
            }
        }
    }

    private mutating func newID(citizen: Bool) -> Int {
        if citizen {
            nextCitizen += 1
            return ids.personID(leading: 1, index: nextCitizen, salt: 11)
        }
        nextResident += 1
        return ids.personID(leading: 2, index: nextResident, salt: 12)
    }

    /// A person as the register first holds them: always with a father's name, in both scripts (a citizen
    /// may lack the English name, a resident's iqama the Arabic one).
    private mutating func basePerson(_ random: inout SplitMix64) -> PairBase {
        let citizen = random.chance(0.5)
        let group = citizen ? NameCatalogue.saudi : random.pick(NameCatalogue.residentGroups)
        let female = random.chance(0.45)
        let first = random.pick(female ? group.female : group.male)
        let father = random.pick(group.male)
        let family = random.pick(group.family)
        let hasArabic = citizen || random.chance(0.5)
        let hasEnglish = !citizen || random.chance(0.92)
        let person = PairPerson(
            id: newID(citizen: citizen), isCitizen: citizen,
            arabic: hasArabic ? [first.arabic, father.arabic, family.arabic].map(Self.text) : nil,
            english: hasEnglish ? [first.english, father.english, family.english].map(Self.text) : nil,
            birthDay: random.within(-7300...13200), birthHijri: random.chance(0.2),
            birthDayFirst: random.chance(0.2), female: female, writesGender: random.chance(0.95),
            mobile: Population.mobile(&random),
            email: random.chance(0.6) ? "user\(random.below(1 << 30))@gmail.com" : nil,
            nationality: group.nationalities.isEmpty ? "SAU" : Self.text(random.pick(group.nationalities)))
        return PairBase(person: person, group: group, first: first, father: father, family: family)
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
