import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// The cross-row rules of SPEC section 4, over every file of a run at once.
///
/// Duplicate IDs are settled first; the other rules are then evaluated once, all against the
/// same claiming rows, so the outcome does not depend on the order of rows. Groups are found by
/// sorting arrays of plain values (no dictionary of arrays, nothing reference-counted per row).
package enum Reconciler {
    /// A row of a file.
    private struct RowRef: Hashable {
        var file: Int32
        var row: Int32
    }

    /// A 32-bit grouping key and a row (file in 2 bits, row in 30) in one `UInt64`, so that the arrays
    /// sorted to find groups take 8 bytes a row: `key << 32 | file << 30 | row`.
    private enum Keyed {
        static func pack(_ key: UInt32, _ ref: RowRef) -> UInt64 {
            UInt64(key) << 32 | UInt64(UInt32(ref.file) << 30 | UInt32(ref.row))
        }
        static func key(_ packed: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: packed >> 32) }
        static func ref(_ packed: UInt64) -> RowRef {
            let low = UInt32(truncatingIfNeeded: packed)
            return RowRef(file: Int32(low >> 30), row: Int32(low & (1 << 30 - 1)))
        }
    }

    /// Applies the cross-row rules: adds their findings to `scans` and settles each row's disposition.
    ///
    /// The rows' facts are only read until the end, where the dispositions are written in one go, after
    /// `beforeVerdicts` has run: until then, another thread may read the same facts (`ImportRun`'s early
    /// comparison with the store) without either copying them.
    ///
    /// `onClaims` is called once the rows that claim their ID are known (duplicates settled), with the
    /// scans (not to be kept beyond `beforeVerdicts`) and each file's `ClaimedIDs` (nil for an unusable
    /// file): what `StoreComparison.Prepared` needs, shared instead of built again.
    package static func reconcile(
        _ scans: inout [FileScan], options: ReconcileOptions, store: StoreKnowledge?,
        onClaims: ([FileScan], [ClaimedIDs?]) -> Void = { _, _ in }, beforeVerdicts: () -> Void = {}
    ) throws {
        let verdicts = try judge(scans, options: options, store: store, onClaims: onClaims)
        beforeVerdicts()
        // In the order they were reached: a row repeated and then rejected ends rejected.
        for verdict in verdicts.dispositions {
            let file = Int(verdict >> 32)
            let row = Int(verdict >> 2 & (1 << 30 - 1))
            scans[file].facts[row].disposition = RowFacts.Disposition(rawValue: UInt8(verdict & 3))!
        }
        for file in scans.indices where !verdicts.added[file].isEmpty {
            // Put in report order once, with all files, by makeOutcome.
            scans[file].findings += verdicts.added[file]
        }
    }

    /// The findings and verdicts of every rule, the scans only read.
    private static func judge(
        _ scans: [FileScan], options: ReconcileOptions, store: StoreKnowledge?,
        onClaims: ([FileScan], [ClaimedIDs?]) -> Void
    ) throws -> Verdicts {
        /// Findings and verdicts of the rules run on this thread (the ones of rule 5 are made on another).
        var verdicts = Verdicts(files: scans.count)
        /// Identical repeats of a claiming row share its fate.
        var repeats: [RowRef: [Int32]] = [:]

        func add(
            _ rule: RuleCode, _ ref: RowRef, field: Column?, value: String, message: String,
            to verdicts: inout Verdicts
        ) {
            let file = Int(ref.file)
            let facts = scans[file].facts[Int(ref.row)]
            verdicts.added[file].append(
                Finding(
                    file: scans[file].input.name, line: Int(facts.line), recordID: RowFacts.idText(facts.id),
                    field: field?.rawValue ?? "", rule: rule, message: message, value: value))
            if rule.severity == .error { verdicts.settle(ref, .rejected) }
        }
        func add(_ rule: RuleCode, _ ref: RowRef, field: Column?, value: String, message: String) {
            add(rule, ref, field: field, value: value, message: message, to: &verdicts)
        }
        func addToClaim(
            _ ref: RowRef, _ rule: RuleCode, field: Column?, value: String, message: String,
            to verdicts: inout Verdicts
        ) {
            add(rule, ref, field: field, value: value, message: message, to: &verdicts)
            for row in repeats[ref] ?? [] {
                add(rule, RowRef(file: ref.file, row: row), field: field, value: value, message: message, to: &verdicts)
            }
        }
        func addToClaim(_ ref: RowRef, _ rule: RuleCode, field: Column?, value: String, message: String) {
            addToClaim(ref, rule, field: field, value: value, message: message, to: &verdicts)
        }
        func facts(_ ref: RowRef) -> RowFacts { scans[Int(ref.file)].facts[Int(ref.row)] }

        // 1. Duplicate IDs within each file, found by sorting `id << 30 | row` (8 bytes a row). `claims[kind]`:
        //    the rows that claim their ID, in the same packed, sorted form.
        var claims: [RecordKind: ClaimTable] = [:]
        var conflicting: [RecordKind: [UInt64]] = [:]
        for file in scans.indices where scans[file].isUsable {
            let kind = scans[file].input.kind
            precondition(scans[file].facts.count < 1 << ClaimTable.rowBits, "more than 2^30 rows in one file")
            var packed: [UInt64] = []
            packed.reserveCapacity(scans[file].facts.count)
            for (row, facts) in scans[file].facts.enumerated() where !facts.hasFieldError && facts.id != 0 {
                packed.append(ClaimTable.pack(id: facts.id, row: row))
            }
            packed.sortInPlace()
            // The claims are written over the front of `packed` as it is walked (never ahead of the reading).
            var claimCount = 0
            var start = 0
            while start < packed.count {
                let id = ClaimTable.id(packed[start])
                var end = start + 1
                while end < packed.count && ClaimTable.id(packed[end]) == id { end += 1 }
                defer { start = end }
                if end - start == 1 {
                    packed[claimCount] = packed[start]
                    claimCount += 1
                    continue
                }
                let rows = packed[start..<end].map(ClaimTable.row)
                let lines = rows.prefix(5).map { String(scans[file].facts[Int($0)].line) }.joined(separator: ", ")
                let conflict = Set(rows.map { scans[file].facts[Int($0)].contentHash }).count > 1
                if conflict {
                    conflicting[kind, default: []].append(id)
                    for row in rows {
                        add(
                            .idDuplicateConflict, RowRef(file: Int32(file), row: row), field: kind.idColumn,
                            value: RowFacts.idText(id),
                            message:
                                "The ID appears on \(rows.count) rows with different values (lines \(lines)\(rows.count > 5 ? ", …" : ""))."
                        )
                    }
                } else {
                    let firstLine = scans[file].facts[Int(rows[0])].line
                    for row in rows.dropFirst() {
                        add(
                            .idDuplicate, RowRef(file: Int32(file), row: row), field: kind.idColumn,
                            value: RowFacts.idText(id),
                            message: "An identical repeat of line \(firstLine); merged once.")
                        verdicts.settle(RowRef(file: Int32(file), row: row), .repeatOfEarlier)
                    }
                    repeats[RowRef(file: Int32(file), row: rows[0])] = Array(rows.dropFirst())
                    packed[claimCount] = packed[start]
                    claimCount += 1
                }
            }
            packed.removeLast(packed.count - claimCount)
            var table = ClaimTable()
            table.packed = packed
            claims[kind] = table
        }
        onClaims(
            scans,
            scans.indices.map { file in
                let kind = scans[file].input.kind
                return claims[kind].map { ClaimedIDs(claims: $0.packed, conflicting: conflicting[kind] ?? []) }
            })
        let fileOf = Dictionary(uniqueKeysWithValues: scans.indices.map { (scans[$0].input.kind, Int32($0)) })
        func personClaim(_ id: UInt64) -> RowRef? {
            for kind in [RecordKind.citizen, .resident] {
                if let row = claims[kind]?.row(of: id), let file = fileOf[kind] { return RowRef(file: file, row: row) }
            }
            return nil
        }
        let personCount = (claims[.citizen]?.packed.count ?? 0) + (claims[.resident]?.packed.count ?? 0)
        /// Every claiming row of citizens.csv and residents.csv.
        func forEachPerson(_ body: (RowRef) -> Void) {
            for kind in [RecordKind.citizen, .resident] {
                guard let file = fileOf[kind], let table = claims[kind] else { continue }
                for packed in table.packed { body(RowRef(file: file, row: ClaimTable.row(packed))) }
            }
        }

        /// Rules 2 to 4, which may ask the store (on this connection's thread).
        func storeRules() throws {
            // 2. Usernames: taken in the store, or claimed by two or more people tonight.
            let ownerTable = personCount > 0 ? try store.map(UsernameOwnerTable.packed(from:)) : nil
            /// The store's owner of the group's key. A group that is exactly the one person the table names for
            /// the key's hash prefix is that person keeping their username (no question to the store); anything
            /// else with candidates is asked exactly.
            func storeOwner(of group: [RowRef], key: () -> String, hashPrefix: UInt64) throws -> UInt64? {
                guard let store else { return nil }
                guard let ownerTable else { return try store.usernameOwner(key: key()).map(RowFacts.number) }
                let prefix = hashPrefix >> 34
                var low = 0
                var high = ownerTable.count
                while low < high {
                    let middle = (low + high) / 2
                    if ownerTable[middle] >> 34 < prefix { low = middle + 1 } else { high = middle }
                }
                var candidates = 0
                var firstCandidate: UInt64 = 0
                while low < ownerTable.count && ownerTable[low] >> 34 == prefix {
                    if candidates == 0 { firstCandidate = ownerTable[low] & ((1 << 34) - 1) }
                    candidates += 1
                    low += 1
                }
                if candidates == 0 { return nil }
                if candidates == 1 && group.count == 1 && facts(group[0]).id == firstCandidate { return firstCandidate }
                return try store.usernameOwner(key: key()).map(RowFacts.number)
            }
            try forEachGroup(of: forEachPerson, count: personCount, scans: scans, text: .username) {
                group, hashPrefix in
                // Most usernames are one person's and unknown to the store: their text is never needed.
                func usernameKey() -> String { scans[Int(group[0].file)].arena.string(facts(group[0]).username) }
                if let owner = try storeOwner(of: group, key: usernameKey, hashPrefix: hashPrefix) {
                    let key = usernameKey()
                    for ref in group where facts(ref).id != owner {
                        addToClaim(
                            ref, .usernameTaken, field: .username, value: key,
                            message: "The username \(key) belongs to \(RowFacts.idText(owner)) in the store.")
                    }
                } else if group.count > 1 {
                    let key = usernameKey()
                    // One message for the whole group, naming a bounded number of claimants: a message that
                    // listed them all would make a group of n rows cost n² bytes.
                    let ids = FindingList.smallest(group.lazy.map { facts($0).id }, count: FindingList.namedLimit)
                    let message =
                        "The username \(key) is claimed by \(group.count) people: "
                        + FindingList.phrase(ids.map(RowFacts.idText), total: group.count) + "."
                    for ref in group {
                        addToClaim(ref, .usernameDuplicate, field: .username, value: key, message: message)
                    }
                }
            }

            // 3. A resident's sponsor must be known.
            let runSponsors = claims[.sponsor] ?? ClaimTable()
            var storeSponsor: [UInt64: Bool] = [:]
            if let file = fileOf[.resident], let residents = claims[.resident] {
                for packed in residents.packed {
                    let ref = RowRef(file: file, row: ClaimTable.row(packed))
                    let sponsor = facts(ref).sponsorID
                    guard sponsor != 0, runSponsors.row(of: sponsor) == nil else { continue }
                    let known: Bool
                    if let cached = storeSponsor[sponsor] {
                        known = cached
                    } else {
                        known = try store?.sponsorExists(RowFacts.idText(sponsor)) ?? false
                        storeSponsor[sponsor] = known
                    }
                    if !known {
                        addToClaim(
                            ref, .sponsorUnknown, field: .sponsorID, value: RowFacts.idText(sponsor),
                            message:
                                "The sponsor \(RowFacts.idText(sponsor)) is neither in this run's sponsors nor in the store."
                        )
                    }
                }
            }

            // 4. An individual sponsor should be a known person.
            if let file = fileOf[.sponsor] {
                for packed in runSponsors.packed {
                    let id = ClaimTable.id(packed)
                    let row = ClaimTable.row(packed)
                    let leading = id / 1_000_000_000
                    guard leading == 1 || leading == 2, personClaim(id) == nil else { continue }
                    if try store?.personExists(RowFacts.idText(id)) ?? false { continue }
                    addToClaim(
                        RowRef(file: file, row: row), .sponsorPersonUnknown, field: .sponsorID,
                        value: RowFacts.idText(id),
                        message:
                            "The individual sponsor \(RowFacts.idText(id)) is not a person known in this run or the store."
                    )
                }
            }
        }
        /// Rule 5: contacts shared by too many people. It never asks the store, so it runs on another core,
        /// beside rules 2 to 4, with findings and verdicts of its own (`shared`), appended after theirs.
        func sharedContactRules(_ shared: inout Verdicts) throws {
            do {
                var byMobile: [UInt64] = []
                byMobile.reserveCapacity(personCount)
                forEachPerson { ref in
                    let mobile = facts(ref).mobile
                    if mobile != 0 { byMobile.append(Keyed.pack(mobile, ref)) }
                }
                byMobile.sortInPlace()
                forEachRun(byMobile, minimumCount: options.maxPeoplePerMobile + 1) { group, _ in
                    let mobile = RowFacts.mobileText(facts(group[0]).mobile)
                    for ref in group {
                        addToClaim(
                            ref, .mobileShared, field: .mobile, value: mobile,
                            message:
                                "The mobile is shared by \(group.count) people (more than \(options.maxPeoplePerMobile)).",
                            to: &shared)
                    }
                }
            }
            try forEachGroup(
                of: forEachPerson, count: personCount, scans: scans, text: .email,
                minimumCount: options.maxPeoplePerEmail + 1
            ) { group, _ in
                let email = scans[Int(group[0].file)].arena.string(facts(group[0]).email)
                for ref in group {
                    addToClaim(
                        ref, .emailShared, field: .email, value: email,
                        message:
                            "The e-mail is shared by \(group.count) people (more than \(options.maxPeoplePerEmail)).",
                        to: &shared)
                }
            }
        }
        var shared = Verdicts(files: scans.count)
        if personCount <= parallelPeopleLimit {
            // TEMPORARY until the rules-per-file rework lands.
            struct Unchecked: @unchecked Sendable { let run: () throws -> Void }
            let work = Unchecked { try sharedContactRules(&shared) }
            let sharedContacts = BackgroundTask { try work.run() }
            do {
                try storeRules()
            } catch {
                try? sharedContacts.wait()
                throw error
            }
            try sharedContacts.wait()
        } else {
            try storeRules()
            try sharedContactRules(&shared)
        }
        verdicts.append(shared)
        return verdicts
    }

    /// Up to this many people, rule 5 runs beside rules 2 to 4; beyond, after them: their sorted tables
    /// (8 bytes a person each) would be in memory at once, and a 10M-row night must stay under 1 GiB.
    package static let parallelPeopleLimit = 3_000_000

    /// The IDs of one file once its duplicates are settled: the rows that claim their ID (one per ID) as
    /// sorted `id << 30 | row`, and the IDs whose rows differ (claimed by none, every row rejected).
    package struct ClaimedIDs: Sendable {
        package var claims: [UInt64]
        package var conflicting: [UInt64]

        package init(claims: [UInt64], conflicting: [UInt64]) {
            self.claims = claims
            self.conflicting = conflicting
        }
    }

    /// What rules found: findings per file, and the dispositions to write at the end of `reconcile`.
    private struct Verdicts {
        var added: [[Finding]]
        /// As `file << 32 | row << 2 | disposition`, in the order they were reached.
        var dispositions: [UInt64] = []

        init(files: Int) { added = Array(repeating: [], count: files) }

        mutating func settle(_ ref: RowRef, _ disposition: RowFacts.Disposition) {
            dispositions.append(UInt64(ref.file) << 32 | UInt64(ref.row) << 2 | UInt64(disposition.rawValue))
        }

        mutating func append(_ other: Verdicts) {
            for file in added.indices { added[file] += other.added[file] }
            dispositions += other.dispositions
        }
    }

    /// The texts rows are grouped by.
    private enum GroupedText {
        case username, email

        func of(_ facts: RowFacts) -> TextRef {
            switch self {
            case .username: return facts.username
            case .email: return facts.email
            }
        }
    }

    /// Calls `body` with each group of rows of `refs` whose `text` is equal (rows without one are skipped)
    /// and that has at least `minimumCount` rows, found by sorting on the text's hash; and with the upper
    /// 32 bits of the text's hash (`TextArena.hash`), the lower ones zero.
    private static func forEachGroup(
        of refs: ((RowRef) -> Void) -> Void, count: Int, scans: [FileScan], text: GroupedText,
        minimumCount: Int = 1, _ body: (_ group: [RowRef], _ hashPrefix: UInt64) throws -> Void
    ) throws {
        // Sorted on the upper 32 bits of the text's hash; equal prefixes are split by the text below.
        var keyed: [UInt64] = []
        keyed.reserveCapacity(count)
        refs { ref in
            let facts = scans[Int(ref.file)].facts[Int(ref.row)]
            let value = text.of(facts)
            guard !value.isNone else { return }
            let hash = scans[Int(ref.file)].arena.hash(value)
            keyed.append(Keyed.pack(UInt32(truncatingIfNeeded: hash >> 32), ref))
        }
        keyed.sortInPlace()
        try forEachRun(keyed, minimumCount: minimumCount) { run, key in
            let hashPrefix = UInt64(key) << 32
            if run.count == 1 {
                try body(run, hashPrefix)
                return
            }
            // Equal hash prefixes: split by the actual text, so that a collision never joins two values.
            var byText: [ArraySlice<UInt8>: [RowRef]] = [:]
            for ref in run {
                let facts = scans[Int(ref.file)].facts[Int(ref.row)]
                byText[scans[Int(ref.file)].arena.bytes(text.of(facts)), default: []].append(ref)
            }
            for group in byText.values where group.count >= minimumCount { try body(group, hashPrefix) }
        }
    }

    /// Calls `body` with each run of equal keys in a sorted array. The array it gets is reused from one
    /// call to the next (no allocation per run): copy it to keep it.
    private static func forEachRun(
        _ sorted: [UInt64], minimumCount: Int = 1, _ body: (_ run: [RowRef], _ key: UInt32) throws -> Void
    ) rethrows {
        var run: [RowRef] = []
        var start = 0
        while start < sorted.count {
            let key = Keyed.key(sorted[start])
            var end = start + 1
            while end < sorted.count && Keyed.key(sorted[end]) == key { end += 1 }
            if end - start >= minimumCount {
                run.removeAll(keepingCapacity: true)
                for packed in sorted[start..<end] { run.append(Keyed.ref(packed)) }
                try body(run, key)
            }
            start = end
        }
    }
}
