/// Serialising records as the three exports, defects included.
extension Population {
    /// What was written, for the summary line.
    struct Tally {
        var citizens = 0
        var residents = 0
        var sponsors = 0
        var defective = 0
        var expired = 0
        var changed = 0
        var removed = 0
        var added = 0
    }

    func write(citizens: ByteSink, residents: ByteSink, sponsors: ByteSink) -> Tally {
        var tally = Tally()
        citizens.text(
            "national_id,name_ar,name_en,birth_date,gender,mobile,email,username,preferred_language,id_expiry\n")
        for index in 0..<(citizenCount + newCitizenCount) {
            if isRemoved(stream: .citizenChange, index: index, count: citizenCount, choices: Change.personChanges) {
                tally.removed += 1
                continue
            }
            let record = citizen(index)
            writeCitizen(record, to: citizens)
            count(record, isNew: index >= citizenCount, into: &tally)
            tally.citizens += 1
        }
        residents.text(
            """
            iqama_number,name_en,name_ar,nationality,birth_date,gender,mobile,email,username,\
            preferred_language,sponsor_id,iqama_expiry

            """)
        for index in 0..<(residentCount + newResidentCount) {
            if isRemoved(
                stream: .residentChange, index: index, count: residentCount, choices: Change.residentChanges)
            {
                tally.removed += 1
                continue
            }
            let record = resident(index)
            writeResident(record, to: residents)
            count(record, isNew: index >= residentCount, into: &tally)
            tally.residents += 1
        }
        sponsors.text("sponsor_id,sponsor_type,name,mobile,email\n")
        for index in 0..<(sponsorCount + newSponsorCount) {
            let record = sponsor(index)
            writeSponsor(record, to: sponsors)
            count(record, isNew: index >= sponsorCount, into: &tally)
            tally.sponsors += 1
        }
        citizens.flush()
        residents.flush()
        sponsors.flush()
        return tally
    }

    private func count(_ record: PersonRecord, isNew: Bool, into tally: inout Tally) {
        if record.defect != nil { tally.defective += 1 }
        if record.isExpired { tally.expired += 1 }
        if record.isChanged { tally.changed += 1 }
        if isNew { tally.added += 1 }
    }

    // MARK: Rows

    /// The layout `record` is written in tonight.
    private func layout(_ record: PersonRecord) -> Layout {
        Layout(reserialised: options.reserialise && options.night == 2, index: record.index)
    }

    private func writeCitizen(_ record: PersonRecord, to sink: ByteSink) {
        let defect = record.defect
        let variant = record.defectVariant
        let layout = layout(record)
        writeID(record, expectedLeading: 1, to: sink)
        sink.comma()
        if defect == .requiredMissing, variant % 3 == 0 {
        } else if defect == .nameScript {
            sink.bytes(firstName(record).arabic)
            sink.byte(0x20)
            sink.bytes(record.group.family[record.family].english)
        } else {
            sink.quoted(layout.quotesNames) { writeArabicName(record, withFather: true, to: sink) }
        }
        sink.comma()
        if record.hasEnglishName {
            sink.quoted(layout.quotesNames) { writeEnglishName(record, withFather: true, to: sink) }
        }
        sink.comma()
        writeBirth(record, missing: defect == .requiredMissing && variant % 3 == 1, to: sink)
        sink.comma()
        writeCommonTail(record, mobileMissing: defect == .requiredMissing && variant % 3 == 2, kind: 1, to: sink)
        sink.comma()
        if let expiry = record.expiry { sink.date(layout.date(expiry), arabicIndic: layout.arabicIndicDates) }
        finishRow(record, to: sink)
    }

    private func writeResident(_ record: PersonRecord, to sink: ByteSink) {
        let defect = record.defect
        let variant = record.defectVariant
        let layout = layout(record)
        writeID(record, expectedLeading: 2, to: sink)
        sink.comma()
        if defect == .requiredMissing, variant % 4 == 0 {
        } else if defect == .nameScript {
            writeEnglishName(record, withFather: false, to: sink)
            sink.number(variant % 9 + 1)
        } else {
            sink.quoted(layout.quotesNames) { writeEnglishName(record, withFather: false, to: sink) }
        }
        sink.comma()
        if record.hasArabicName {
            sink.quoted(layout.quotesNames) { writeArabicName(record, withFather: false, to: sink) }
        }
        sink.comma()
        if defect == .requiredMissing, variant % 4 == 1 {
        } else if defect == .nationalityInvalid {
            sink.bytes(Self.badNationalities[variant % Self.badNationalities.count])
        } else {
            sink.bytes(record.group.nationalities[record.nationality])
        }
        sink.comma()
        writeBirth(record, missing: false, to: sink)
        sink.comma()
        writeCommonTail(record, mobileMissing: defect == .requiredMissing && variant % 4 == 2, kind: 2, to: sink)
        sink.comma()
        if defect == .requiredMissing, variant % 4 == 3 {
        } else if defect == .sponsorUnknown {
            sink.id(establishmentID(900_000_000 + record.index % 50_000_000))
        } else if let citizenIndex = sponsorCitizen(record.sponsor) {
            sink.id(citizenID(citizenIndex))
        } else {
            sink.id(establishmentID(record.sponsor))
        }
        sink.comma()
        if let expiry = record.expiry { sink.date(layout.date(expiry), arabicIndic: layout.arabicIndicDates) }
        finishRow(record, to: sink)
    }

    private func writeSponsor(_ record: PersonRecord, to sink: ByteSink) {
        let defect = record.defect
        let variant = record.defectVariant
        let individual = record.sponsor >= 0
        let layout = layout(record)
        if defect == .idFormat {
            sink.number(record.id / 10, width: 9)
        } else {
            sink.id(record.id)
        }
        sink.comma()
        if defect == .sponsorTypeMismatch {
            let wrong: [StaticString] =
                individual ? ["establishment", "منشأة", "company"] : ["individual", "فرد", "company"]
            sink.text(wrong[variant % 3])
        } else if record.sponsorTypeForm > 0 {
            let spellings: [StaticString] =
                individual ? ["individual", "فرد", "Individual"] : ["establishment", "منشأة", "Establishment"]
            sink.text(spellings[layout.sponsorTypeForm(record.sponsorTypeForm) - 1])
        }
        sink.comma()
        if defect == .requiredMissing {
        } else if !individual {
            sink.quoted(layout.quotesNames) { sink.bytes(NameCatalogue.establishments[record.first]) }
        } else if record.hasArabicName {
            sink.quoted(layout.quotesNames) { writeArabicName(record, withFather: true, to: sink) }
        } else {
            sink.quoted(layout.quotesNames) { writeEnglishName(record, withFather: true, to: sink) }
        }
        sink.comma()
        if defect == .mobileInvalid {
            sink.invalidMobile(variant: variant)
        } else if record.hasMobile {
            sink.mobile(record.mobile, form: layout.mobileForm(record.mobileForm))
        }
        sink.comma()
        if defect == .emailInvalid {
            writeInvalidEmail(record, kind: 3, to: sink)
        } else if record.emailDomain >= 0 {
            sink.quoted(layout.quotesEmail) { writeEmail(record, kind: individual ? 1 : 3, to: sink) }
        }
        finishRow(record, to: sink)
    }

    private func finishRow(_ record: PersonRecord, to sink: ByteSink) {
        if record.defect == .rowMalformed { sink.text(",extra") }
        sink.endRow()
    }

    // MARK: Fields

    private static let badNationalities: [[UInt8]] = ["SAU", "XXX", "IN", "India"].map { Array($0.utf8) }

    private func firstName(_ record: PersonRecord) -> NameCatalogue.Name {
        record.female ? record.group.female[record.first] : record.group.male[record.first]
    }

    private func writeID(_ record: PersonRecord, expectedLeading: Int, to sink: ByteSink) {
        let variant = record.defectVariant
        switch record.defect {
        case .idFormat:
            switch variant % 3 {
            case 0: sink.number(record.id / 10, width: 9)
            case 1: sink.number(record.id * 10 + variant % 10, width: 11)
            default:
                sink.number(record.id / 100_000, width: 5)
                sink.byte(0x41)
                sink.number(record.id % 10_000, width: 4)
            }
        case .idChecksum:
            let check = record.id % 10
            sink.id(record.id - check + (check + 1) % 10)
        case .idKind:
            let foreign = 50_000_000 + record.index % 40_000_000
            if variant % 2 == 0 {
                sink.id(expectedLeading == 1 ? residentID(foreign) : citizenID(foreign))
            } else {
                sink.id(personID(leading: 3 + variant % 2, index: foreign, salt: 4))
            }
        default:
            sink.id(record.id)
        }
    }

    private func writeArabicName(_ record: PersonRecord, withFather: Bool, to sink: ByteSink) {
        sink.bytes(firstName(record).arabic)
        sink.byte(0x20)
        if withFather {
            sink.bytes(record.group.male[record.father].arabic)
            sink.byte(0x20)
        }
        sink.bytes(record.group.family[record.family].arabic)
    }

    private func writeEnglishName(_ record: PersonRecord, withFather: Bool, to sink: ByteSink) {
        let first = firstName(record)
        sink.bytes(record.variantSpelling ? first.variant : first.english)
        sink.byte(0x20)
        if withFather {
            sink.bytes(record.group.male[record.father].english)
            sink.byte(0x20)
        }
        sink.bytes(record.group.family[record.family].english)
    }

    private func writeBirth(_ record: PersonRecord, missing: Bool, to sink: ByteSink) {
        let variant = record.defectVariant
        if missing { return }
        switch record.defect {
        case .dateInvalid:
            let invalid: [StaticString] = ["1987-02-30", "1420-13-05", "31/04/1995", "1999-00-10", "12/25/1990"]
            sink.text(invalid[variant % invalid.count])
        case .dateFuture:
            let future: [StaticString] = ["2099-01-15", "15/03/2090", "1490-01-10"]
            sink.text(future[variant % future.count])
        default:
            let layout = layout(record)
            sink.date(layout.date(record.birth), arabicIndic: layout.arabicIndicDates)
        }
    }

    /// gender, mobile, email, username, preferred_language (the columns citizens and residents share).
    private func writeCommonTail(_ record: PersonRecord, mobileMissing: Bool, kind: Int, to sink: ByteSink) {
        let defect = record.defect
        let variant = record.defectVariant
        let layout = layout(record)
        if defect == .genderInvalid {
            let invalid: [StaticString] = ["X", "unknown", "0"]
            sink.text(invalid[variant % invalid.count])
        } else if record.genderForm > 0 {
            let forms: [StaticString] =
                record.female ? ["F", "female", "Female", "أنثى", "f"] : ["M", "male", "Male", "ذكر", "m"]
            sink.text(forms[layout.genderForm(record.genderForm) - 1])
        }
        sink.comma()
        if defect == .mobileInvalid {
            sink.invalidMobile(variant: variant)
        } else if !mobileMissing {
            sink.mobile(record.mobile, form: layout.mobileForm(record.mobileForm))
        }
        sink.comma()
        if defect == .emailInvalid {
            writeInvalidEmail(record, kind: kind, to: sink)
        } else if record.emailDomain >= 0 {
            sink.quoted(layout.quotesEmail) { writeEmail(record, kind: kind, to: sink) }
        }
        sink.comma()
        if defect == .usernameInvalid {
            switch variant % 3 {
            case 0:
                sink.byte(0x39)
                writeUsername(record, kind: kind, to: sink)
            case 1:
                sink.lowercasedLetters(firstName(record).english, limit: 10)
                sink.byte(0x40)
                sink.base36(record.index)
            default:
                sink.lowercasedLetters(firstName(record).english, limit: 2)
                sink.byte(0x31)
            }
        } else if record.hasUsername {
            writeUsername(record, kind: kind, to: sink)
        }
        sink.comma()
        if defect == .languageInvalid {
            let invalid: [StaticString] = ["fr", "urdu", "arabic language"]
            sink.text(invalid[variant % invalid.count])
        } else if record.languageForm > 0 {
            let forms: [StaticString] = ["ar", "en", "AR", "arabic", "English", "العربية", "الإنجليزية", "ar"]
            sink.text(forms[layout.languageForm(record.languageForm) - 1])
        }
    }

    /// Unique: the first name, a separator, the kind's letter and the index in base 36.
    private func writeUsername(_ record: PersonRecord, kind: Int, to sink: ByteSink) {
        sink.lowercasedLetters(firstName(record).english, limit: 10)
        sink.byte(record.index % 2 == 0 ? 0x2E : 0x5F)
        sink.byte(kind == 1 ? 0x63 : 0x72)
        sink.base36(record.index)
    }

    /// Unique through the number `index * 4 + kind` in the local part.
    private func writeEmailLocal(_ record: PersonRecord, kind: Int, to sink: ByteSink) {
        let tag = record.index * 4 + kind
        switch record.emailStyle {
        case 0, 1:
            sink.lowercasedLetters(firstName(record).english, limit: 10)
            sink.byte(record.emailStyle == 0 ? 0x2E : 0x5F)
            sink.lowercasedLetters(record.group.family[record.family].english, limit: 12)
        case 2:
            sink.lowercasedLetters(firstName(record).english, limit: 10)
        case 3:
            sink.text("info")
        default:
            sink.text("hr.office")
        }
        sink.number(tag)
    }

    private func writeEmail(_ record: PersonRecord, kind: Int, to sink: ByteSink) {
        writeEmailLocal(record, kind: kind, to: sink)
        sink.byte(0x40)
        sink.bytes(NameCatalogue.emailDomains[max(record.emailDomain, 0)])
    }

    private func writeInvalidEmail(_ record: PersonRecord, kind: Int, to sink: ByteSink) {
        let domain = NameCatalogue.emailDomains[max(record.emailDomain, 0)]
        switch record.defectVariant % 5 {
        case 0:
            writeEmailLocal(record, kind: kind, to: sink)
            sink.byte(0x2E)
            sink.bytes(domain)
        case 1:
            writeEmailLocal(record, kind: kind, to: sink)
            sink.text("@@")
            sink.bytes(domain)
        case 2:
            writeEmailLocal(record, kind: kind, to: sink)
            sink.text("@gmail")
        case 3:
            sink.byte(0x2E)
            writeEmailLocal(record, kind: kind, to: sink)
            sink.byte(0x40)
            sink.bytes(domain)
        default:
            writeEmailLocal(record, kind: kind, to: sink)
            sink.text("..x@")
            sink.bytes(domain)
        }
    }
}
