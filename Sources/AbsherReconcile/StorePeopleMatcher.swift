import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore

/// The store's side of the matcher (contract §4b): each active person of the store that no row of this run
/// claims is normalised as it streams past and paired with the run's people of its blocks. Nothing of the
/// store is kept but the pairs found.
struct StorePeopleMatcher {
    let people: RunPeople
    let blocks: MatchBlocks
    let model: MatchModel
    let dismissed: Set<DismissedPair>

    func match(_ store: any StoreKnowledge, _ found: (PersonMatch, _ person: Int) -> Void) throws {
        var seen: [Int] = []
        // Tonight's row is this person as they are now: the store's copy is not another record. (The claim
        // tables searched directly: a store of millions asks this once a person.)
        let citizens = people.context.claims[.citizen]?.packed ?? []
        let residents = people.context.claims[.resident]?.packed ?? []
        let skips = { (id: UnsafeBufferPointer<UInt8>) -> Bool in
            guard id.count == 10 else { return true }
            let number = Digits.number(id)
            return Self.contains(number, in: id.first == 0x31 ? citizens : residents)
        }
        try store.forEachActivePerson(skipping: skips) { fields in
            guard fields.birthDate.count == 10 else { return }
            let id = Digits.number(fields.id)
            guard let birth = GregorianDate(iso: String(decoding: fields.birthDate, as: UTF8.self)) else { return }
            let nameAr = fields.nameAr.isEmpty ? nil : String(decoding: fields.nameAr, as: UTF8.self)
            let nameEn = fields.nameEn.isEmpty ? nil : String(decoding: fields.nameEn, as: UTF8.self)
            let gender: UInt8 = fields.gender.first == 0x4D ? 1 : fields.gender.first == 0x46 ? 2 : 0
            let view = MatchView(
                arabic: ArraySlice(nameAr.map { MatchName.arabic($0) } ?? []),
                english: ArraySlice(nameEn.map { MatchName.english($0) } ?? []), gender: gender,
                day: Int32(birth.daysSince1970),
                mobile: fields.mobile.count == 13 ? UInt32(Digits.number(fields.mobile.dropFirst(4))) : 0,
                email: fields.email.isEmpty ? 0 : TextArenaHash.email(fields.email))
            seen.removeAll(keepingCapacity: true)
            blocks.candidates(of: view) { person in
                if seen.contains(person) { return }
                seen.append(person)
                guard abs(Int(people.day(person)) - Int(view.day)) <= 1 else { return }
                var runView = people.view(person, withContacts: false)
                guard
                    !QuickVeto.rulesOut(
                        runView, view,
                        sharesContact: {
                            (view.mobile != 0 && people.mobile(person) == view.mobile)
                                || (view.email != 0 && people.email(person) == view.email)
                        })
                else { return }
                people.addContacts(of: person, to: &runView)
                guard let weighed = model.weigh(runView, view) else { return }
                let score = model.score(weighed.weight)
                guard score >= PossibleDuplicateRule.reportScore else { return }
                let other = PersonMatch.Side(
                    id: RowFacts.idText(id), kind: fields.kind.first == 0x72 ? .resident : .citizen, nameAr: nameAr,
                    nameEn: nameEn, birthDate: birth.description,
                    mobile: fields.mobile.isEmpty ? nil : String(decoding: fields.mobile, as: UTF8.self),
                    fromStore: true)
                let match = PersonMatch(
                    record: people.side(person), other: other, score: score, reasons: weighed.reasons.list)
                if dismissed.contains(DismissedPair(match.record.id, other.id)) { return }
                found(match, person)
            }
        }
    }
}

extension StorePeopleMatcher {
    /// Whether a claim table holds `id`: an interpolation search (IDs spread evenly over their range, so a few
    /// probes instead of twenty cache misses of a binary search), then a binary one in what is left.
    static func contains(_ id: UInt64, in claims: [UInt64]) -> Bool {
        var low = 0
        var high = claims.count - 1
        for _ in 0..<4 {
            guard low <= high else { return false }
            let lowID = ClaimTable.id(claims[low])
            let highID = ClaimTable.id(claims[high])
            guard id >= lowID, id <= highID else { return false }
            if lowID == highID { return lowID == id }
            let offset = Double(id - lowID) / Double(highID - lowID) * Double(high - low)
            let probe = min(high, max(low, low + Int(offset)))
            let probeID = ClaimTable.id(claims[probe])
            if probeID == id { return true }
            if probeID < id { low = probe + 1 } else { high = probe - 1 }
        }
        guard low <= high else { return false }
        return ClaimTable.Key.firstIndex(of: id, in: claims, within: low..<(high + 1)) != nil
    }
}

/// The e-mail hash the run's facts use (`TextArena.hash` of the lower-cased e-mail), for the store's e-mails.
enum TextArenaHash {
    static func email(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        TextArena.hash(bytes.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
    }
}
