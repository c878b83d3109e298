/// What the store already knows, as the cross-row rules ask it (SPEC section 4).
/// `validate` has no store and passes none.
public protocol StoreKnowledge {
    /// The ID of the person who holds this username key in the store, if anyone.
    func usernameOwner(key: String) throws -> String?
    func sponsorExists(_ id: String) throws -> Bool
    func personExists(_ id: String) throws -> Bool
}

/// Limits of the shared-contact rules.
public struct ReconcileOptions: Sendable {
    public var maxPeoplePerMobile: Int
    public var maxPeoplePerEmail: Int

    public init(maxPeoplePerMobile: Int = 5, maxPeoplePerEmail: Int = 5) {
        self.maxPeoplePerMobile = maxPeoplePerMobile
        self.maxPeoplePerEmail = maxPeoplePerEmail
    }
}

/// The cross-row rules of SPEC section 4, over every file of a run at once.
///
/// Duplicate IDs are settled first; the other rules are then evaluated once, all against the
/// same claiming rows, so the outcome does not depend on the order of rows.
enum Reconciler {
    /// A row that claims its ID: no field error, not part of a conflict, the first of identical repeats.
    /// Its identical repeats share its fate.
    private struct Claim {
        var file: Int
        var row: Int
        var repeats: [Int]
    }

    static func reconcile(_ scans: inout [FileScan], options: ReconcileOptions, store: StoreKnowledge?) throws {
        var claims: [RecordKind: [UInt64: Claim]] = [:]
        var added: [[Finding]] = Array(repeating: [], count: scans.count)

        func add(_ rule: RuleCode, file: Int, row: Int, field: Column? = nil, value: String = "", message: String? = nil) {
            let facts = scans[file].facts[row]
            added[file].append(
                Finding(
                    file: scans[file].input.name, line: facts.line, recordID: RowFacts.idText(facts.id),
                    field: field?.rawValue ?? "", rule: rule, message: message, value: value))
            if rule.severity == .error { scans[file].facts[row].disposition = .rejected }
        }
        func addToClaim(_ claim: Claim, _ rule: RuleCode, field: Column?, value: String, message: String? = nil) {
            add(rule, file: claim.file, row: claim.row, field: field, value: value, message: message)
            for row in claim.repeats { add(rule, file: claim.file, row: row, field: field, value: value, message: message) }
        }

        // 1. Duplicate IDs within each file.
        for file in scans.indices where scans[file].isUsable {
            let kind = scans[file].input.kind
            var byID: [UInt64: [Int]] = [:]
            for (row, facts) in scans[file].facts.enumerated() where !facts.hasFieldError && facts.id != 0 {
                byID[facts.id, default: []].append(row)
            }
            var kindClaims = claims[kind] ?? [:]
            for (id, rows) in byID {
                if rows.count == 1 {
                    kindClaims[id] = Claim(file: file, row: rows[0], repeats: [])
                    continue
                }
                let sorted = rows.sorted()
                let hashes = Set(sorted.map { scans[file].facts[$0].contentHash })
                if hashes.count > 1 {
                    for row in sorted {
                        add(
                            .idDuplicateConflict, file: file, row: row, field: kind.idColumn,
                            value: RowFacts.idText(id),
                            message: "The ID appears on \(sorted.count) rows with different values (lines \(lines(sorted, in: scans[file])))."
                        )
                    }
                } else {
                    let first = sorted[0]
                    for row in sorted.dropFirst() {
                        add(
                            .idDuplicate, file: file, row: row, field: kind.idColumn, value: RowFacts.idText(id),
                            message: "An identical repeat of line \(scans[file].facts[first].line); merged once.")
                        scans[file].facts[row].disposition = .repeatOfEarlier
                    }
                    kindClaims[id] = Claim(file: file, row: first, repeats: Array(sorted.dropFirst()))
                }
            }
            claims[kind] = kindClaims
        }

        let people = (claims[.citizen] ?? [:]).merging(claims[.resident] ?? [:]) { first, _ in first }
        let sponsors = claims[.sponsor] ?? [:]

        // 2. Usernames: taken in the store, or claimed by two or more people tonight.
        var byUsername: [String: [UInt64]] = [:]
        for (id, claim) in people {
            if let key = scans[claim.file].facts[claim.row].usernameKey { byUsername[key, default: []].append(id) }
        }
        for (key, ids) in byUsername {
            let owner = try store?.usernameOwner(key: key).map(RowFacts.number)
            if let owner {
                for id in ids where id != owner {
                    addToClaim(
                        people[id]!, .usernameTaken, field: .username, value: key,
                        message: "The username \(key) belongs to \(RowFacts.idText(owner)) in the store.")
                }
            } else if ids.count > 1 {
                let sortedIDs = ids.sorted().map(RowFacts.idText).joined(separator: ", ")
                for id in ids {
                    addToClaim(
                        people[id]!, .usernameDuplicate, field: .username, value: key,
                        message: "The username \(key) is claimed by \(ids.count) people: \(sortedIDs).")
                }
            }
        }

        // 3. A resident's sponsor must be known.
        var storeSponsor: [UInt64: Bool] = [:]
        for (_, claim) in claims[.resident] ?? [:] {
            let sponsor = scans[claim.file].facts[claim.row].sponsorID
            guard sponsor != 0, sponsors[sponsor] == nil else { continue }
            let known: Bool
            if let cached = storeSponsor[sponsor] {
                known = cached
            } else {
                known = try store?.sponsorExists(RowFacts.idText(sponsor)) ?? false
                storeSponsor[sponsor] = known
            }
            if !known {
                addToClaim(
                    claim, .sponsorUnknown, field: .sponsorID, value: RowFacts.idText(sponsor),
                    message: "The sponsor \(RowFacts.idText(sponsor)) is neither in this run's sponsors nor in the store.")
            }
        }

        // 4. An individual sponsor should be a known person.
        for (id, claim) in sponsors {
            let leading = id / 1_000_000_000
            guard leading == 1 || leading == 2, people[id] == nil else { continue }
            if try store?.personExists(RowFacts.idText(id)) ?? false { continue }
            addToClaim(
                claim, .sponsorPersonUnknown, field: .sponsorID, value: RowFacts.idText(id),
                message: "The individual sponsor \(RowFacts.idText(id)) is not a person known in this run or the store.")
        }

        // 5. Contacts shared by too many people.
        var byMobile: [UInt64: [UInt64]] = [:]
        var byEmail: [String: [UInt64]] = [:]
        for (id, claim) in people {
            let facts = scans[claim.file].facts[claim.row]
            if facts.mobile != 0 { byMobile[facts.mobile, default: []].append(id) }
            if let email = facts.email { byEmail[email.lowercased(), default: []].append(id) }
        }
        for (mobile, ids) in byMobile where ids.count > options.maxPeoplePerMobile {
            for id in ids {
                addToClaim(
                    people[id]!, .mobileShared, field: .mobile, value: RowFacts.mobileText(mobile),
                    message: "The mobile is shared by \(ids.count) people (more than \(options.maxPeoplePerMobile)).")
            }
        }
        for (email, ids) in byEmail where ids.count > options.maxPeoplePerEmail {
            for id in ids {
                addToClaim(
                    people[id]!, .emailShared, field: .email, value: email,
                    message: "The e-mail is shared by \(ids.count) people (more than \(options.maxPeoplePerEmail)).")
            }
        }

        for file in scans.indices {
            scans[file].findings += added[file]
            scans[file].findings.sort(by: Finding.reportOrder)
        }
    }

    private static func lines(_ rows: [Int], in scan: FileScan) -> String {
        rows.prefix(5).map { String(scan.facts[$0].line) }.joined(separator: ", ") + (rows.count > 5 ? ", …" : "")
    }
}

extension Finding {
    /// The order of `rejects.csv`: by file, then line (file findings first), field, rule.
    static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        let left = lhs.line ?? 0
        let right = rhs.line ?? 0
        if left != right { return left < right }
        if lhs.field != rhs.field { return lhs.field < rhs.field }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        return lhs.value < rhs.value
    }
}
