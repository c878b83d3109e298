import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherSupport
import Testing

@testable import AbsherReconcile

/// `RunPeople.personOfEachRow`, which the matcher's block building walks (contract §4b): every person once, at
/// the row their claim names, citizens.csv's rows before residents.csv's.
struct RunPeopleTests {
    /// A file of `rows` rows that carry nothing (only their number matters here).
    static func scan(_ kind: RecordKind, rows: Int) -> FileScan {
        var arena = TextArena()
        var facts = ChunkedArray<RowFacts>()
        for line in 0..<rows {
            facts.append(
                RowFacts(result: RowResult(line: line + 2, claimedID: nil, record: nil, findings: []), arena: &arena))
        }
        return FileScan(
            input: InputFile(kind: kind, path: "/nowhere/\(kind.rawValue).csv"), encoding: nil, delimiter: nil,
            sha256: "", header: nil, findings: [], isUsable: true, facts: facts, arena: arena)
    }

    /// Claims of `ids` at `rows`, sorted by ID as `DuplicateIDRule` leaves them.
    static func claims(_ ids: [UInt64], rows: [Int]) -> ClaimTable {
        var table = ClaimTable()
        table.packed = zip(ids, rows).map { ClaimTable.pack(id: $0, row: $1) }.sorted()
        return table
    }

    @Test func everyPersonOnceInTheOrderOfTheirRows() {
        // IDs and rows in unrelated orders, rows with gaps (rows that claim nothing), residents' file first.
        let citizenRows = [7, 0, 3, 12, 5]
        let residentRows = [2, 9, 4]
        let context = ReconcileContext(
            scans: [Self.scan(.resident, rows: 10), Self.scan(.citizen, rows: 13)], options: ReconcileOptions(),
            claims: [
                .citizen: Self.claims(
                    [1_900_000_005, 1_100_000_001, 1_500_000_003, 1_300_000_002, 1_700_000_004],
                    rows: citizenRows),
                .resident: Self.claims([2_300_000_001, 2_100_000_009, 2_200_000_004], rows: residentRows),
            ], repeats: [:])
        let people = RunPeople(context)
        let rows = people.personOfEachRow()
        #expect(rows.citizenRows == 13)
        #expect(rows.persons.count == 13 + 10)
        let placed = rows.persons.enumerated().filter { $0.element >= 0 }
        #expect(placed.count == people.count)
        #expect(Set(placed.map { Int($0.element) }) == Set(0..<people.count))
        for (index, person) in placed {
            let row = index < rows.citizenRows ? index : index - rows.citizenRows
            #expect(Int(people.ref(Int(person)).row) == row)
            #expect(people.kind(Int(person)) == (index < rows.citizenRows ? .citizen : .resident))
        }
        #expect(placed.map(\.offset) == citizenRows.sorted() + residentRows.sorted().map { 13 + $0 })
    }

    @Test func noPeopleNoPlaces() {
        let context = ReconcileContext(
            scans: [Self.scan(.sponsor, rows: 3)], options: ReconcileOptions(), claims: [:], repeats: [:])
        #expect(RunPeople(context).personOfEachRow().persons.isEmpty)
    }
}
