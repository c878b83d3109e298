import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherSupport
import CPrefetch

/// The run's people as the matcher sees them (contract §4b): every claiming row of citizens.csv and
/// residents.csv, by index, with its `MatchView` read from the scans (nothing copied). A class: the matcher's
/// closures capture one reference, not a copy of every table it holds.
final class RunPeople: Sendable {
    let context: ReconcileContext
    /// The claim tables of citizens.csv, then residents.csv: person `p` is the `p`-th claim (all claiming rows
    /// have a birth date), so no table of refs is kept.
    private let citizenClaims: [UInt64]
    private let residentClaims: [UInt64]
    private let citizenFile: Int32
    private let residentFile: Int32
    /// Per file, what `view` reads (held here, so that a view copies no `FileScan`).
    private let names: [[UInt8]]
    private let people: [ChunkedArray<PersonFacts>]
    private let facts: [ChunkedArray<RowFacts>]
    private let arenas: [TextArena]

    init(_ context: ReconcileContext) {
        self.context = context
        names = context.scans.map(\.names.bytes)
        people = context.scans.map(\.people)
        facts = context.scans.map(\.facts)
        arenas = context.scans.map(\.arena)
        citizenClaims = context.fileOf[.citizen] == nil ? [] : context.claims[.citizen]?.packed ?? []
        residentClaims = context.fileOf[.resident] == nil ? [] : context.claims[.resident]?.packed ?? []
        citizenFile = context.fileOf[.citizen] ?? 0
        residentFile = context.fileOf[.resident] ?? 0
    }

    var count: Int { citizenClaims.count + residentClaims.count }

    @inline(__always) func ref(_ person: Int) -> RowRef {
        person < citizenClaims.count
            ? RowRef(file: citizenFile, row: ClaimTable.row(citizenClaims[person]))
            : RowRef(file: residentFile, row: ClaimTable.row(residentClaims[person - citizenClaims.count]))
    }

    /// The person as the matcher compares them; `withContacts` false leaves the mobile and the e-mail out (0):
    /// the cheap look at a pair needs only the names (`addContacts` adds them), and they are another table's.
    func view(_ person: Int, withContacts: Bool = true) -> MatchView {
        let ref = ref(person)
        let file = Int(ref.file)
        let row = Int(ref.row)
        let personFacts = people[file][row]
        var view = MatchView(
            arabic: names[file][personFacts.arabicRange], english: names[file][personFacts.englishRange],
            gender: personFacts.gender, day: personFacts.birthDay, mobile: 0, email: 0)
        if withContacts { addContacts(of: person, to: &view) }
        return view
    }

    /// `body` with the bytes of the normalised names of citizens.csv and of residents.csv, for `vetoSide`.
    func withNames<Result>(
        _ body: (_ citizens: UnsafeBufferPointer<UInt8>, _ residents: UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        try names[Int(citizenFile)].withUnsafeBufferPointer { citizens in
            try names[Int(residentFile)].withUnsafeBufferPointer { residents in try body(citizens, residents) }
        }
    }

    /// For each row of citizens.csv and then of residents.csv (up to the last that claims its ID), the person
    /// whose claim it is, -1 for a row that claims nothing; `citizenRows` is where residents.csv's rows begin.
    /// A pass over every person in this order reads their facts and names straight through memory, where
    /// person order (the claims' ID order) jumps. 4 bytes a row.
    func personOfEachRow() -> (persons: [Int32], citizenRows: Int) {
        func rows(_ claims: [UInt64]) -> Int { Int(claims.lazy.map(ClaimTable.row).max() ?? -1) + 1 }
        let citizenRows = rows(citizenClaims)
        var persons = [Int32](repeating: -1, count: citizenRows + rows(residentClaims))
        for (index, claim) in citizenClaims.enumerated() { persons[Int(ClaimTable.row(claim))] = Int32(index) }
        for (index, claim) in residentClaims.enumerated() {
            persons[citizenRows + Int(ClaimTable.row(claim))] = Int32(citizenClaims.count + index)
        }
        return (persons, citizenRows)
    }

    /// The facts of `person`, whose row is known (`personOfEachRow`).
    @inline(__always) func facts(_ person: Int, row: Int) -> PersonFacts {
        people[Int(person < citizenClaims.count ? citizenFile : residentFile)][row]
    }

    /// The birth day and the names of `person` as `QuickVeto` reads them, from the buffers of `withNames`.
    func vetoSide(_ person: Int, citizens: UnsafeBufferPointer<UInt8>, residents: UnsafeBufferPointer<UInt8>)
        -> (day: Int32, names: QuickVeto.Names)
    {
        let personFacts = facts(person, row: Int(ref(person).row))
        let bytes = person < citizenClaims.count ? citizens : residents
        let names = QuickVeto.Names(
            arabic: UnsafeBufferPointer(rebasing: bytes[personFacts.arabicRange]),
            english: UnsafeBufferPointer(rebasing: bytes[personFacts.englishRange]))
        return (personFacts.birthDay, names)
    }

    /// Asks the processor to start loading one of what `vetoSide` reads of `person`, each after the one before
    /// it has had time to come: `stage` 0 the person's claim, 1 its facts (reading the claim), 2 the first bytes
    /// of its names (reading the facts). A hint: nothing is changed, and a wrong guess costs only the load.
    @inline(__always) func prefetch(
        _ person: Int, stage: Int, citizens: UnsafeBufferPointer<UInt8>, residents: UnsafeBufferPointer<UInt8>
    ) {
        // Every table is read in place, through its buffer: a copy of one would cost a reference count a
        // person, more than the hint saves.
        let isCitizen = person < citizenClaims.count
        let file = Int(isCitizen ? citizenFile : residentFile)
        switch stage {
        case 0:
            if isCitizen {
                citizenClaims.withUnsafeBufferPointer { absher_prefetch($0.baseAddress! + person) }
            } else {
                residentClaims.withUnsafeBufferPointer {
                    absher_prefetch($0.baseAddress! + person - citizenClaims.count)
                }
            }
        case 1:
            let row = Int(ref(person).row)
            people.withUnsafeBufferPointer { ($0.baseAddress! + file).pointee.prefetch(row) }
        default:
            let row = Int(ref(person).row)
            let offset = people.withUnsafeBufferPointer { Int(($0.baseAddress! + file).pointee[row].names) }
            let bytes = isCitizen ? citizens : residents
            if offset < bytes.count { absher_prefetch(bytes.baseAddress! + offset) }
        }
    }

    /// Fills in the mobile and the e-mail's hash of `person`'s view.
    func addContacts(of person: Int, to view: inout MatchView) {
        let ref = ref(person)
        let rowFacts = facts[Int(ref.file)][Int(ref.row)]
        view.mobile = rowFacts.mobile
        view.email = rowFacts.email.isNone ? 0 : arenas[Int(ref.file)].hash(rowFacts.email)
    }

    /// Whether two people have a mobile or an e-mail in common.
    func sharesContact(_ a: Int, _ b: Int) -> Bool {
        let mobileA = mobile(a)
        if mobileA != 0 && mobileA == mobile(b) { return true }
        let emailA = email(a)
        return emailA != 0 && emailA == email(b)
    }

    /// The person's mobile (the 9-digit national number), 0 when none.
    func mobile(_ person: Int) -> UInt32 {
        let ref = ref(person)
        return facts[Int(ref.file)][Int(ref.row)].mobile
    }

    /// `mobile(_:)` of a person whose row is known (`personOfEachRow`).
    func mobile(_ person: Int, row: Int) -> UInt32 {
        facts[Int(person < citizenClaims.count ? citizenFile : residentFile)][row].mobile
    }

    /// The hash of the person's e-mail, 0 when none.
    func email(_ person: Int) -> UInt64 {
        let ref = ref(person)
        let email = facts[Int(ref.file)][Int(ref.row)].email
        return email.isNone ? 0 : arenas[Int(ref.file)].hash(email)
    }

    /// The birth day alone, for the cheapest look at a pair.
    func day(_ person: Int) -> Int32 {
        let ref = ref(person)
        return people[Int(ref.file)][Int(ref.row)].birthDay
    }

    func kind(_ person: Int) -> RecordKind { context.scans[Int(ref(person).file)].input.kind }

    /// The person's ID, from their claim (the claim tables are keyed by it): one load, not three.
    func id(_ person: Int) -> UInt64 {
        person < citizenClaims.count
            ? ClaimTable.id(citizenClaims[person]) : ClaimTable.id(residentClaims[person - citizenClaims.count])
    }

    /// The side of a pair this person is: names unknown until the merge (`PersonMatch.Side`).
    func side(_ person: Int) -> PersonMatch.Side {
        let ref = ref(person)
        let facts = facts[Int(ref.file)][Int(ref.row)]
        return PersonMatch.Side(
            id: RowFacts.idText(facts.id), kind: kind(person), nameAr: nil, nameEn: nil,
            birthDate: GregorianDate(daysSince1970: Int(day(person))).description,
            mobile: facts.mobile == 0 ? nil : RowFacts.mobileText(facts.mobile), fromStore: false)
    }
}
