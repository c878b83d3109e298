import AbsherRules
import AbsherScan
import AbsherSchema

/// The run's people as the matcher sees them (contract §4b): every claiming row of citizens.csv and
/// residents.csv, by index, with its `MatchView` read from the scans (nothing copied).
struct RunPeople {
    let context: ReconcileContext
    /// `RowRef.packed` of each person.
    private(set) var refs: [UInt64] = []

    init(_ context: ReconcileContext) {
        self.context = context
        refs.reserveCapacity(context.personCount)
        context.forEachPerson { ref in
            if context.scans[Int(ref.file)].people[Int(ref.row)].hasBirthDay { refs.append(ref.packed) }
        }
    }

    var count: Int { refs.count }

    func ref(_ person: Int) -> RowRef { RowRef(packed: refs[person]) }

    func view(_ person: Int) -> MatchView {
        let ref = ref(person)
        let scan = context.scans[Int(ref.file)]
        let facts = scan.facts[Int(ref.row)]
        let people = scan.people[Int(ref.row)]
        let start = Int(people.names)
        let middle = start + Int(people.arabicLength)
        let end = middle + Int(people.englishLength)
        return MatchView(
            arabic: scan.names.bytes[start..<middle], english: scan.names.bytes[middle..<end], gender: people.gender,
            day: people.birthDay, mobile: facts.mobile,
            email: facts.email.isNone ? 0 : scan.arena.hash(facts.email))
    }

    func kind(_ person: Int) -> RecordKind { context.scans[Int(ref(person).file)].input.kind }

    func id(_ person: Int) -> UInt64 { context.facts(ref(person)).id }

    /// The side of a pair this person is: names unknown until the merge (`PersonMatch.Side`).
    func side(_ person: Int) -> PersonMatch.Side {
        let facts = context.facts(ref(person))
        let view = view(person)
        return PersonMatch.Side(
            id: RowFacts.idText(facts.id), kind: kind(person), nameAr: nil, nameEn: nil,
            birthDate: GregorianDate(daysSince1970: Int(view.day)).description,
            mobile: facts.mobile == 0 ? nil : RowFacts.mobileText(facts.mobile), fromStore: false)
    }
}
