/// How a second record of one person differs from the first (a true pair), or how another person resembles
/// them (a look-alike): the ways real exports differ, drawn at random.
struct PairVariation {
    var random: SplitMix64
    var base: PairBase

    /// The same person under another ID: a naturalised resident (now a citizen) or a second entry.
    mutating func duplicate() -> PairPerson {
        var second = base.person
        second.isCitizen = base.person.isCitizen || random.chance(0.6)
        let dropsFather = random.chance(0.3)
        if dropsFather {
            // A father's name added by the other office: the first record lacks it.
            base.person.arabic = base.person.arabic.map { [$0[0], $0[2]] }
            base.person.english = base.person.english.map { [$0[0], $0[2]] }
        }
        let hasArabic = second.isCitizen || random.chance(0.5)
        second.arabic = hasArabic ? arabicSpelling() : nil
        let hasEnglish = !second.isCitizen || random.chance(0.9)
        second.english = hasEnglish ? englishSpelling() : nil
        if random.chance(0.12) { slip(&second) }
        if random.chance(0.7) { second.birthHijri.toggle() }
        if random.chance(0.5) { second.birthDayFirst.toggle() }
        if random.chance(0.1) { second.birthDay += random.chance(0.5) ? 1 : -1 }
        if !random.chance(0.5) { second.mobile = Population.mobile(&random) }
        if !random.chance(0.3) { second.email = random.chance(0.5) ? nil : "other\(random.below(1 << 30))@mail.sa" }
        second.writesGender = random.chance(0.95)
        if !second.isCitizen, second.nationality == "SAU" { second.nationality = "EGY" }
        return second
    }

    /// The Arabic name spelled afresh: hamza forms, taa marbuta, alef maqsura, tatweel, diacritics, عبد apart.
    private mutating func arabicSpelling() -> [String] {
        var parts = [base.first.arabic, base.father.arabic, base.family.arabic].map(PairPopulation.text)
        for index in parts.indices {
            var part = parts[index]
            if random.chance(0.4) {
                part = part.replacingOccurrences(of: "أ", with: "ا").replacingOccurrences(of: "إ", with: "ا")
            }
            if random.chance(0.5), part.hasSuffix("ة") { part = String(part.dropLast()) + "ه" }
            if random.chance(0.5), part.hasSuffix("ي") { part = String(part.dropLast()) + "ى" }
            if random.chance(0.1), part.count > 2 { part.insert("ـ", at: part.index(after: part.startIndex)) }
            if random.chance(0.1) { part.insert("َ", at: part.index(after: part.startIndex)) }
            if random.chance(0.5), part.hasPrefix("عبدال") { part = "عبد " + part.dropFirst(3) }
            parts[index] = part
        }
        return parts
    }

    /// The English name as another clerk writes it: case, hyphens and spaces, the article, a transliteration.
    private mutating func englishSpelling() -> [String] {
        var parts: [String] = []
        for name in [base.first, base.father, base.family] {
            var part = PairPopulation.text(random.chance(0.5) ? name.variant : name.english)
            switch random.below(6) {
            case 0: part = part.uppercased()
            case 1: part = part.lowercased()
            case 2: part = part.replacingOccurrences(of: "-", with: " ")
            case 3: part = part.replacingOccurrences(of: "Al-", with: "El-")
            case 4: part = part.replacingOccurrences(of: "-", with: "")
            default: break
            }
            parts.append(part)
        }
        return parts
    }

    /// A clerk's slip: two neighbouring letters swapped in one part of one script.
    private mutating func slip(_ person: inout PairPerson) {
        if random.chance(0.5), var parts = person.english {
            let index = random.below(parts.count)
            parts[index] = Self.swapped(parts[index], at: random.below(8))
            person.english = parts
        } else if var parts = person.arabic {
            let index = random.below(parts.count)
            parts[index] = Self.swapped(parts[index], at: random.below(8))
            person.arabic = parts
        }
    }

    static func swapped(_ text: String, at position: Int) -> String {
        var letters = Array(text)
        guard letters.count >= 5 else { return text }
        let first = 1 + position % (letters.count - 2)
        letters.swapAt(first, first + 1)
        return String(letters)
    }

    /// Another person who resembles the base: the same name born another day, another father, or a twin.
    mutating func lookalike() -> PairPerson {
        var other = base.person
        other.mobile = Population.mobile(&random)
        other.email = nil
        let hasFather = (base.person.english ?? base.person.arabic ?? []).count == 3
        switch hasFather ? random.below(3) : 0 {
        case 0:
            let shift = random.within(2...3000)
            other.birthDay += random.chance(0.5) ? shift : -shift
        case 1:
            let father = anotherName(than: base.father, in: base.group.male)
            other.arabic = replaced(other.arabic, at: 1, by: father, \.arabic)
            other.english = replaced(other.english, at: 1, by: father, \.english)
        default:
            let names = base.person.female ? base.group.female : base.group.male
            let first = anotherName(than: base.first, in: names)
            other.female = random.chance(0.5) ? base.person.female : !base.person.female
            other.arabic = replaced(other.arabic, at: 0, by: first, \.arabic)
            other.english = replaced(other.english, at: 0, by: first, \.english)
            if !random.chance(0.5) { other.mobile = base.person.mobile }
        }
        return other
    }

    private func replaced(
        _ parts: [String]?, at index: Int, by name: NameCatalogue.Name, _ script: KeyPath<NameCatalogue.Name, [UInt8]>
    ) -> [String]? {
        guard var parts else { return nil }
        parts[index] = PairPopulation.text(name[keyPath: script])
        return parts
    }

    private mutating func anotherName(than name: NameCatalogue.Name, in names: [NameCatalogue.Name])
        -> NameCatalogue.Name
    {
        var pick = random.pick(names)
        while pick.english == name.english { pick = random.pick(names) }
        return pick
    }
}
