import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation
import Testing

@testable import AbsherImport

/// `StoreComparison` against a merge join of the file's rows and the store's records in ID order (what it
/// computed before the store stopped giving its records in ID order), with the store's records in several
/// orders, and once over a real store whose table order is not ID order.
@Suite struct StoreComparisonTests {
    /// One row of a file: its ID (0 for none), its disposition and its content (different content, different
    /// hash).
    private struct Row {
        var id: UInt64
        var disposition: RowFacts.Disposition
        var content: Int
    }

    /// What a comparison computed.
    private struct Outputs: Equatable {
        var needsMerge: [Int32] = []
        var unchanged = 0
        var absentActive: [String] = []
        var activeBefore = 0
    }

    /// One record of the store.
    private struct Stored {
        var id: UInt64
        var active: Bool
        var hash: UInt64
    }

    private static func record(_ id: UInt64, content: Int) -> CanonicalRecord {
        var record = CanonicalRecord(
            kind: .citizen, id: RowFacts.idText(id),
            values: Array(repeating: nil, count: RecordKind.citizen.fields.count))
        record[.nameEn] = "Name \(content)"
        return record
    }

    private static func hash(_ id: UInt64, content: Int) -> UInt64 { record(id, content: content).contentHash }

    private static func facts(_ rows: [Row]) -> ChunkedArray<RowFacts> {
        var arena = TextArena()
        var facts = ChunkedArray<RowFacts>()
        for (line, row) in rows.enumerated() {
            let id = row.id == 0 ? nil : RowFacts.idText(row.id)
            let record = row.disposition == .rejected ? nil : record(row.id, content: row.content)
            var fact = RowFacts(
                result: RowResult(line: line + 2, claimedID: id, record: record, findings: []), arena: &arena)
            fact.disposition = row.disposition
            facts.append(fact)
        }
        return facts
    }

    /// What the comparison computed as a merge join, with the store's records given in ID order.
    private static func mergeJoin(_ facts: ChunkedArray<RowFacts>, _ stored: [Stored]) -> Outputs {
        var result = Outputs()
        var candidates: [(id: UInt64, row: Int32)] = []
        var present: [UInt64] = []
        for (row, fact) in facts.enumerated() where fact.id != 0 {
            present.append(fact.id)
            if fact.disposition == .merge { candidates.append((fact.id, Int32(row))) }
        }
        candidates.sort { $0.id < $1.id }
        present.sort()
        var candidate = 0
        var presentIndex = 0
        for record in stored.sorted(by: { $0.id < $1.id }) {
            while candidate < candidates.count && candidates[candidate].id < record.id {
                result.needsMerge.append(candidates[candidate].row)
                candidate += 1
            }
            if record.active { result.activeBefore += 1 }
            if candidate < candidates.count && candidates[candidate].id == record.id {
                let row = candidates[candidate].row
                if record.active && facts[Int(row)].contentHash == record.hash {
                    result.unchanged += 1
                } else {
                    result.needsMerge.append(row)
                }
                candidate += 1
            } else if record.active {
                while presentIndex < present.count && present[presentIndex] < record.id { presentIndex += 1 }
                if presentIndex == present.count || present[presentIndex] != record.id {
                    result.absentActive.append(RowFacts.idText(record.id))
                }
            }
        }
        while candidate < candidates.count {
            result.needsMerge.append(candidates[candidate].row)
            candidate += 1
        }
        result.needsMerge.sort()
        return result
    }

    private static func outputs(_ comparison: StoreComparison) -> Outputs {
        Outputs(
            needsMerge: comparison.needsMerge, unchanged: comparison.unchanged,
            absentActive: comparison.absentActive, activeBefore: comparison.activeBefore)
    }

    /// `StoreComparison` with the store's records given in the order of `stored`.
    private static func compare(_ facts: ChunkedArray<RowFacts>, _ stored: [Stored]) throws -> Outputs {
        outputs(
            try StoreComparison(facts: facts) { body in
                for record in stored { try body(record.id, record.active, record.hash) }
            })
    }

    /// A file and a store with one of each case.
    private static let rows = [
        Row(id: 1_000_000_050, disposition: .merge, content: 1),  // row 0: stored, active, same: unchanged
        Row(id: 1_000_000_010, disposition: .merge, content: 2),  // row 1: stored, active, changed
        Row(id: 1_000_000_090, disposition: .merge, content: 1),  // row 2: stored, inactive, same
        Row(id: 1_000_000_030, disposition: .merge, content: 1),  // row 3: new
        Row(id: 1_000_000_070, disposition: .rejected, content: 0),  // row 4: stored, active, rejected: present
        Row(id: 0, disposition: .rejected, content: 0),  // row 5: no ID
        Row(id: 1_000_000_050, disposition: .repeatOfEarlier, content: 1),  // row 6: repeat of row 0
        Row(id: 1_000_000_001, disposition: .merge, content: 1),  // row 7: new, smallest ID
    ]
    private static let stored = [
        Stored(id: 1_000_000_080, active: true, hash: 1),  // absent, active
        Stored(id: 1_000_000_050, active: true, hash: hash(1_000_000_050, content: 1)),
        Stored(id: 1_000_000_010, active: true, hash: hash(1_000_000_010, content: 1)),
        Stored(id: 1_000_000_090, active: false, hash: hash(1_000_000_090, content: 1)),
        Stored(id: 1_000_000_070, active: true, hash: 3),
        Stored(id: 1_000_000_060, active: false, hash: 4),  // absent, inactive
        Stored(id: 1_000_000_020, active: true, hash: 5),  // absent, active
    ]

    /// The active stored records no row claims, for the matcher's side of the store: the absent ones and the
    /// one whose row was rejected, in ID order; never an inactive one.
    @Test func unclaimedActiveRecordsAreTheAbsentAndTheRejected() throws {
        for order in [Self.stored, Self.stored.reversed()] {
            let prepared = try StoreComparison.Prepared(facts: Self.facts(Self.rows)) { body in
                for record in order { try body(record.id, record.active, record.hash) }
            }
            #expect(prepared.unclaimedActive == [1_000_000_020, 1_000_000_070, 1_000_000_080])
        }
    }

    @Test func everyCaseWithTheStoreInAnyOrder() throws {
        let facts = Self.facts(Self.rows)
        let expected = Outputs(
            needsMerge: [1, 2, 3, 7], unchanged: 1, absentActive: ["1000000020", "1000000080"], activeBefore: 5)
        #expect(Self.mergeJoin(facts, Self.stored) == expected)
        for order in [Self.stored, Self.stored.reversed(), Self.stored.sorted { $0.id < $1.id }] {
            #expect(try Self.compare(facts, order) == expected)
        }
    }

    @Test func anEmptyStoreOrAnEmptyFile() throws {
        let facts = Self.facts(Self.rows)
        let empty = try Self.compare(facts, [])
        #expect(empty == Self.mergeJoin(facts, []))
        #expect(empty == Outputs(needsMerge: [0, 1, 2, 3, 7]))
        let none = try Self.compare(ChunkedArray(), Self.stored)
        #expect(none == Self.mergeJoin(ChunkedArray(), Self.stored))
        #expect(none.absentActive == ["1000000010", "1000000020", "1000000050", "1000000070", "1000000080"])
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func randomFilesAndStoresGiveWhatTheMergeJoinGave(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let idRange: ClosedRange<UInt64> = 1_000_000_000...1_000_000_600
        let dispositions: [RowFacts.Disposition] = [.merge, .merge, .merge, .repeatOfEarlier, .rejected]
        var rows = (0..<400).map { _ in
            Row(
                id: Int.random(in: 0..<20, using: &random) == 0 ? 0 : UInt64.random(in: idRange, using: &random),
                disposition: dispositions.randomElement(using: &random) ?? .merge,
                content: Int.random(in: 0..<2, using: &random))
        }
        // As the reconciler leaves a file: at most one row to merge per ID (the others it rejects or folds
        // into that one).
        var merged = Set<UInt64>()
        for index in rows.indices where rows[index].disposition == .merge && !merged.insert(rows[index].id).inserted {
            rows[index].disposition = .repeatOfEarlier
        }
        var ids = Set<UInt64>()
        while ids.count < 300 { ids.insert(UInt64.random(in: idRange, using: &random)) }
        let stored = ids.shuffled(using: &random).map { id in
            Stored(
                id: id, active: Int.random(in: 0..<4, using: &random) != 0,
                hash: Self.hash(id, content: Int.random(in: 0..<2, using: &random)))
        }
        let facts = Self.facts(rows)
        #expect(try Self.compare(facts, stored) == Self.mergeJoin(facts, stored))
    }

    private static let smallIDRange: ClosedRange<UInt64> = 1_000_000_000...1_000_000_300

    /// 400 rows as the field rules leave them: one in 20 without an ID, one in 10 with a field error,
    /// IDs repeated (with equal or different content).
    private static func rowsBeforeTheVerdicts(using random: inout SeededRandom) -> [Row] {
        (0..<400).map { _ in
            Row(
                id: Int.random(in: 0..<20, using: &random) == 0
                    ? 0 : UInt64.random(in: smallIDRange, using: &random),
                disposition: Int.random(in: 0..<10, using: &random) == 0 ? .rejected : .merge,
                content: Int.random(in: 0..<2, using: &random))
        }
    }

    /// 200 stored records of the same ID range, in random order, a quarter inactive.
    private static func randomStore(using random: inout SeededRandom) -> [Stored] {
        var ids = Set<UInt64>()
        while ids.count < 200 { ids.insert(UInt64.random(in: smallIDRange, using: &random)) }
        return ids.shuffled(using: &random).map { id in
            Stored(
                id: id, active: Int.random(in: 0..<4, using: &random) != 0,
                hash: hash(id, content: Int.random(in: 0..<2, using: &random)))
        }
    }

    /// The comparison prepared before the reconciler's verdicts (every row that passed the field rules is
    /// still to merge, duplicate IDs and all) and settled after them gives what comparing afterwards gives.
    @Test(arguments: [11, 12, 13, 14, 15])
    func preparedBeforeTheVerdictsGivesWhatComparingAfterGives(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let before = Self.rowsBeforeTheVerdicts(using: &random)
        // The verdicts: some rows rejected, and one row to merge per ID at most.
        var after = before
        var merged = Set<UInt64>()
        for index in after.indices where after[index].disposition == .merge {
            if Int.random(in: 0..<8, using: &random) == 0 {
                after[index].disposition = .rejected
            } else if !merged.insert(after[index].id).inserted {
                after[index].disposition = .repeatOfEarlier
            }
        }
        let stored = Self.randomStore(using: &random)
        let prepared = try StoreComparison.Prepared(facts: Self.facts(before)) { body in
            for record in stored { try body(record.id, record.active, record.hash) }
        }
        let settled = Self.outputs(StoreComparison(prepared, facts: Self.facts(after)))
        #expect(settled == (try Self.compare(Self.facts(after), stored)))
        #expect(settled == Self.mergeJoin(Self.facts(after), stored))
        #expect(settled.unchanged > 0 && !settled.needsMerge.isEmpty)
    }

    /// The same, prepared from the reconciler's claim table (one row per ID: the first of identical
    /// repeats, none for an ID whose rows differ), as a later night does.
    @Test(arguments: [21, 22, 23, 24, 25])
    func preparedFromTheClaimTableGivesWhatComparingAfterGives(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let before = Self.rowsBeforeTheVerdicts(using: &random)
        // The claims and the verdicts, as the reconciler makes them.
        var rowsOfID: [UInt64: [Int]] = [:]
        for (index, row) in before.enumerated() where row.id != 0 && row.disposition == .merge {
            rowsOfID[row.id, default: []].append(index)
        }
        var claims: [UInt64] = []
        var conflicting: [UInt64] = []
        var after = before
        for (id, rows) in rowsOfID.sorted(by: { $0.key < $1.key }) {
            let conflict = Set(rows.map { before[$0].content }).count > 1
            if conflict {
                for row in rows { after[row].disposition = .rejected }
                conflicting.append(id)
                continue
            }
            claims.append(id << 30 | UInt64(rows[0]))
            for row in rows.dropFirst() { after[row].disposition = .repeatOfEarlier }
            if Int.random(in: 0..<8, using: &random) == 0 { after[rows[0]].disposition = .rejected }
        }
        claims.sort()
        let stored = Self.randomStore(using: &random)
        let claimed = Reconciler.ClaimedIDs(claims: claims, conflicting: conflicting)
        let prepared = try StoreComparison.Prepared(facts: Self.facts(before), claimed: claimed) { body in
            for record in stored { try body(record.id, record.active, record.hash) }
        }
        let settled = Self.outputs(StoreComparison(prepared, facts: Self.facts(after)))
        #expect(settled == Self.mergeJoin(Self.facts(after), stored))
        #expect(settled.unchanged > 0 && !settled.needsMerge.isEmpty && !settled.absentActive.isEmpty)
    }

    @Test func aRealStoreWhoseTableIsNotInIDOrder() throws {
        let folder = try StoreTestDirectory()
        let db = try Database(path: folder.path("store.sqlite"))
        try Migrations.migrate(db)
        let insert = try db.prepare("INSERT INTO people (id, kind, active, record_hash) VALUES (?, ?, ?, ?)")
        for record in Self.stored {
            insert.bind(RowFacts.idText(record.id), at: 1)
            insert.bind("citizen", at: 2)
            insert.bind(Int64(record.active ? 1 : 0), at: 3)
            insert.bind(Int64(bitPattern: record.hash), at: 4)
            try insert.run()
        }
        // A resident (another kind, same table) that no citizen file carries.
        try db.execute("INSERT INTO people (id, kind, record_hash) VALUES ('2000000006', 'resident', 0)")
        let scan = FileScan(
            input: InputFile(kind: .citizen, path: "citizens.csv"), encoding: nil, delimiter: nil, sha256: "",
            header: nil, findings: [], isUsable: true, facts: Self.facts(Self.rows))
        let order = try db.prepare("SELECT id FROM people WHERE kind = 'citizen'")
        var tableOrder: [UInt64] = []
        while try order.step() { tableOrder.append(Digits.number(order.columnString(0) ?? "")) }
        #expect(tableOrder == Self.stored.map(\.id))
        #expect(tableOrder != tableOrder.sorted())

        let comparison = Self.outputs(try StoreComparison(scan, store: RecordStore(database: db)))
        #expect(comparison == Self.mergeJoin(scan.facts, Self.stored))
        #expect(comparison.absentActive == ["1000000020", "1000000080"])
    }
}

/// SplitMix64: the same numbers for the same seed on every platform.
private struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49eb_133b_d011
        return z ^ (z >> 31)
    }
}
