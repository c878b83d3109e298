/// Building each record from `(seed, index)`, then applying its night-2 change and its defect.
extension Population {
    /// Draws the fields every person has, in a fixed order.
    private func person(index: Int, id: Int, group: NameCatalogue.Group, random: inout SplitMix64)
        -> PersonRecord
    {
        let female = random.chance(0.45)
        let first = random.below(female ? group.female.count : group.male.count)
        let expired = random.chance(0.015)
        let hasExpiry = random.chance(0.97)
        return PersonRecord(
            id: id, index: index, group: group, female: female, first: first,
            father: random.below(group.male.count), family: random.below(group.family.count),
            birth: DateValue.birth(&random),
            genderForm: random.chance(0.05) ? 0 : 1 + random.below(5),
            mobile: Self.mobile(&random), mobileForm: Self.mobileForm(&random),
            emailDomain: random.chance(0.75) ? random.below(NameCatalogue.emailDomains.count) : -1,
            emailStyle: random.below(3),
            hasUsername: random.chance(0.7),
            languageForm: random.chance(0.2) ? 0 : 1 + random.below(8),
            expiry: hasExpiry ? DateValue.expiry(&random, expired: expired) : nil,
            isExpired: hasExpiry && expired
        )
    }

    /// A valid Saudi mobile national number (9 digits, `5…`), by libphonenumber's SA pattern.
    static func mobile(_ random: inout SplitMix64) -> Int {
        let roll = random.below(100)
        if roll < 90 {
            let prefix = [50, 53, 54, 55, 56, 58, 59][random.below(7)]
            return prefix * 10_000_000 + random.below(10_000_000)
        } else if roll < 98 {
            return (570 + random.below(9)) * 1_000_000 + random.below(1_000_000)
        } else {
            return (5790 + random.below(9)) * 100_000 + random.below(100_000)
        }
    }

    /// Which of the accepted spellings of a mobile a row uses (see `ByteSink.mobile`).
    static func mobileForm(_ random: inout SplitMix64) -> Int {
        let roll = random.below(100)
        switch roll {
        case 0..<40: return 0
        case 40..<48: return 1
        case 48..<63: return 2
        case 63..<69: return 3
        case 69..<74: return 4
        case 74..<82: return 5
        case 82..<90: return 6
        case 90..<92: return 7
        case 92..<95: return 8
        default: return 9
        }
    }

    func citizen(_ index: Int) -> PersonRecord {
        var random = SplitMix64(seed: options.seed, stream: .citizen, index: index)
        var record = person(index: index, id: citizenID(index), group: NameCatalogue.saudi, random: &random)
        record.hasEnglishName = random.chance(0.92)
        let isNight1Record = index < citizenCount
        if isNight1Record {
            let fate = nightTwoFate(
                stream: .citizenChange, index: index, choices: Change.personChanges,
                removable: !isSponsorCitizen(index))
            if let change = fate.change {
                var changeRandom = fate.random
                apply(change, to: &record, random: &changeRandom)
            }
        }
        if let (defect, variant) = defect(stream: .citizenDefect, index: index, choices: Defect.citizenDefects) {
            record.defect = defect
            record.defectVariant = variant
        }
        return record
    }

    func isRemoved(stream: SplitMix64.Stream, index: Int, count: Int, choices: [Change]) -> Bool {
        guard options.night == 2, index < count else { return false }
        if stream == .citizenChange, isSponsorCitizen(index) { return false }
        return nightTwoFate(stream: stream, index: index, choices: choices, removable: true).removed
    }

    func resident(_ index: Int) -> PersonRecord {
        var random = SplitMix64(seed: options.seed, stream: .resident, index: index)
        let group = random.pick(NameCatalogue.residentGroups)
        var record = person(index: index, id: residentID(index), group: group, random: &random)
        record.hasArabicName = random.chance(0.5)
        record.nationality = random.below(group.nationalities.count)
        record.sponsor = usableSponsor(from: random.below(max(sponsorCount, 1)))
        if index < residentCount {
            let fate = nightTwoFate(
                stream: .residentChange, index: index, choices: Change.residentChanges, removable: true)
            if let change = fate.change {
                var changeRandom = fate.random
                apply(change, to: &record, random: &changeRandom)
            }
        }
        if let (defect, variant) = defect(stream: .residentDefect, index: index, choices: Defect.residentDefects) {
            record.defect = defect
            record.defectVariant = variant
        }
        return record
    }

    /// A sponsor: the citizen it is (same name and mobile), or an establishment.
    func sponsor(_ index: Int) -> PersonRecord {
        var random = SplitMix64(seed: options.seed, stream: .sponsor, index: index)
        var record: PersonRecord
        if let citizenIndex = sponsorCitizen(index) {
            record = citizen(citizenIndex)
            record.defect = nil
            record.sponsor = citizenIndex
            record.hasArabicName = random.chance(0.7)
        } else {
            record = PersonRecord(
                id: establishmentID(index), index: index, group: NameCatalogue.saudi, female: false,
                first: random.below(NameCatalogue.establishments.count), father: 0, family: 0,
                birth: DateValue(year: 2000, month: 1, day: 1, dayFirst: false), genderForm: 0,
                mobile: Self.mobile(&random), mobileForm: Self.mobileForm(&random),
                emailDomain: random.below(NameCatalogue.emailDomains.count), emailStyle: 3,
                hasUsername: false, languageForm: 0, expiry: nil)
        }
        record.hasMobile = random.chance(0.7)
        if !random.chance(0.5) { record.emailDomain = -1 }
        record.sponsorTypeForm = random.chance(0.1) ? 0 : 1 + random.below(3)
        if index < sponsorCount {
            let fate = nightTwoFate(
                stream: .sponsorChange, index: index, choices: Change.sponsorChanges, removable: false)
            if let change = fate.change, record.sponsor < 0 {
                var changeRandom = fate.random
                apply(change, to: &record, random: &changeRandom)
            }
        }
        if let (defect, variant) = sponsorDefect(index) {
            record.defect = defect
            record.defectVariant = variant
        }
        return record
    }

    private func apply(_ change: Change, to record: inout PersonRecord, random: inout SplitMix64) {
        record.isChanged = true
        switch change {
        case .mobileChanged:
            record.mobile = Self.mobile(&random)
            record.hasMobile = true
        case .sponsorTransfer:
            record.sponsor = usableSponsor(from: record.sponsor + 1 + random.below(max(sponsorCount - 1, 1)))
        case .expiryRenewed:
            if let expiry = record.expiry {
                record.expiry = expiry.renewed(byYears: record.isExpired ? 10 : 5)
                record.isExpired = false
            } else {
                record.expiry = DateValue.expiry(&random, expired: false)
            }
        case .emailChanged:
            record.emailDomain = (max(record.emailDomain, 0) + 1) % NameCatalogue.emailDomains.count
            record.emailStyle = (record.emailStyle + 1) % 3 + (record.emailStyle == 3 ? 3 : 0)
        case .nameCorrected:
            if record.emailStyle == 3 {
                record.first = (record.first + 1) % NameCatalogue.establishments.count
            } else {
                record.variantSpelling = true
            }
        }
    }
}
