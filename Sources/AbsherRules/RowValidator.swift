import AbsherReading
import AbsherSchema

/// Applies every field rule to the records of one file.
public struct RowValidator: Sendable {
    public let header: HeaderMap
    public let fileName: String
    public let options: ValidationOptions
    private let idColumnKind: IDColumn
    /// For each canonical field of the kind, the column slot (in `kind.columns`) that fills it.
    private let fieldSlots: [Int?]
    private let idPosition: Int?

    public init(header: HeaderMap, fileName: String, options: ValidationOptions) {
        self.header = header
        self.fileName = fileName
        self.options = options
        let kind = header.kind
        switch kind {
        case .citizen: idColumnKind = .citizen
        case .resident: idColumnKind = .resident
        case .sponsor: idColumnKind = .sponsor
        }
        fieldSlots = kind.fields.map { field in
            kind.columns.firstIndex { $0.column.field == field && $0.column != kind.idColumn }
        }
        idPosition = header.position(of: kind.idColumn)
    }

    public var kind: RecordKind { header.kind }

    public func validate(_ record: CSVRecord) -> RowResult {
        let line = record.line
        guard record.fieldCount == header.cellCount, !record.isUnterminated else {
            let claimed = claimedID(of: record)
            let message =
                record.isUnterminated
                ? FindingMessage(.rowUnterminatedQuote)
                : FindingMessage(.rowCellCount, .count(record.fieldCount), .count(header.cellCount))
            return RowResult(
                line: line, claimedID: claimed, record: nil,
                findings: [
                    Finding(file: fileName, line: line, recordID: claimed ?? "", rule: .rowMalformed, message: message)
                ])
        }

        var findings: [Finding] = []
        var hasError = false
        @inline(__always) func report(
            _ rule: RuleCode, _ column: Column, _ value: String, _ message: FindingMessage? = nil
        ) {
            if rule.severity == .error { hasError = true }
            findings.append(
                Finding(
                    file: fileName, line: line, recordID: "", field: column.rawValue, rule: rule,
                    message: message ?? .summary(rule), value: value))
        }

        // The ID first: it names the record in every other finding.
        var id: String?
        let idColumn = kind.idColumn
        if let position = idPosition, let text = CellText.normalize(record.field(position)) {
            switch NationalID.validate(text, column: idColumnKind) {
            case .success(let value): id = value
            case .failure(let rule):
                report(
                    rule, idColumn, text,
                    NationalID.message(rule, text, column: idColumnKind, columnName: idColumn.rawValue))
            }
        } else {
            report(.requiredMissing, idColumn, "", FindingMessage(.requiredMissing, .column(idColumn.rawValue)))
        }

        // Filled in field order, one value (or nil) a field: appended, not a prefilled array of nils.
        var values: [String?] = []
        values.reserveCapacity(kind.fields.count)
        for (index, field) in kind.fields.enumerated() {
            values.append(nil)
            guard let slot = fieldSlots[index] else { continue }
            let (column, required) = kind.columns[slot]
            guard let position = header.positions[slot], let text = CellText.normalize(record.field(position))
            else {
                if required {
                    report(.requiredMissing, column, "", FindingMessage(.requiredMissing, .column(column.rawValue)))
                }
                continue
            }
            if let message = FieldLength.excess(text, field: field, column: column.rawValue) {
                report(FieldLength.rule(of: field), column, text, message)
                continue
            }
            switch check(field, text: text, id: id, column: column) {
            case .success(let value): values[index] = value
            case .failure(let problem):
                report(problem.rule, column, text, problem.message)
                if problem.rule.severity == .warning { values[index] = problem.keptValue }
            }
        }
        if kind == .sponsor, values[kind.index(of: .sponsorType)!] == nil, let id {
            // No type given: it follows from the ID's leading digit.
            values[kind.index(of: .sponsorType)!] = Self.sponsorType(ofID: id).rawValue
        }

        if let id {
            for index in findings.indices { findings[index].recordID = id }
        } else if let position = idPosition, let text = CellText.normalize(record.field(position)) {
            let shown = Finding.capped(Digits.asciiDigits(text))
            for index in findings.indices { findings[index].recordID = shown }
        }
        let canonical = hasError ? nil : id.map { CanonicalRecord(kind: kind, id: $0, values: values) }
        return RowResult(line: line, claimedID: id, record: canonical, findings: findings)
    }

    /// The valid ID of a malformed record, when its ID cell can still be read.
    private func claimedID(of record: CSVRecord) -> String? {
        guard let position = idPosition, position < record.fieldCount,
            let text = CellText.normalize(record.field(position)),
            case .success(let id) = NationalID.validate(text, column: idColumnKind)
        else { return nil }
        return id
    }

    private struct Problem: Error {
        var rule: RuleCode
        var message: FindingMessage
        /// For a warning, the value that is still stored.
        var keptValue: String? = nil
    }

    private func check(_ field: Field, text: String, id: String?, column: Column) -> Result<String, Problem> {
        /// A rule's verdict; on failure, `message` says what is wrong (built only for rejected cells).
        func plain(_ result: Result<String, RuleCode>, _ message: (RuleCode) -> FindingMessage) -> Result<
            String, Problem
        > {
            result.mapError { Problem(rule: $0, message: message($0)) }
        }
        switch field {
        case .nameAr, .nameEn, .name:
            let script: NameScript = field == .nameAr ? .arabic : field == .nameEn ? .latin : .any
            return plain(PersonName.validate(text, script: script)) { _ in
                PersonName.message(text, script: script, column: column.rawValue)
            }
        case .gender: return plain(Gender.normalize(text)) { _ in FindingMessage(.genderWord, .cell(text)) }
        case .mobile: return plain(SaudiMobile.normalize(text)) { _ in SaudiMobile.message(text) }
        case .email: return plain(EmailAddress.normalize(text)) { _ in EmailAddress.message(text) }
        case .username:
            let (low, high) = (options.usernameMinLength, options.usernameMaxLength)
            return plain(Username.validate(text, minLength: low, maxLength: high)) { _ in
                Username.message(text, minLength: low, maxLength: high)
            }
        case .preferredLanguage:
            return plain(PreferredLanguage.normalize(text)) { _ in FindingMessage(.languageWord, .cell(text)) }
        case .nationality:
            return plain(Nationality.normalize(text, forbidSaudi: true)) { _ in
                Nationality.message(text, forbidSaudi: true)
            }
        case .sponsorID:
            return plain(NationalID.validate(text, column: .sponsor)) { rule in
                NationalID.message(rule, text, column: .sponsor, columnName: column.rawValue)
            }
        case .birthDate, .documentExpiry:
            return checkDate(field, text: text)
        case .sponsorType:
            guard let type = SponsorType(text: text) else {
                return .failure(
                    Problem(rule: .sponsorTypeMismatch, message: FindingMessage(.sponsorTypeWord, .cell(text))))
            }
            if let id, let leading = id.utf8.first, Self.sponsorType(ofID: id) != type {
                let other: MessageTerm = Self.sponsorType(ofID: id) == .establishment ? .establishment : .individual
                return .failure(
                    Problem(
                        rule: .sponsorTypeMismatch,
                        message: FindingMessage(
                            .sponsorTypeDisagrees, .code(type.rawValue), .number(Int(leading &- 0x30)), .term(other))
                    ))
            }
            return .success(type.rawValue)
        }
    }

    /// A birth date (not after the run date) or an expiry date (a warning when before it).
    private func checkDate(_ field: Field, text: String) -> Result<String, Problem> {
        let date: GregorianDate
        switch CalendarDate.parse(text) {
        case .failure(let rule): return .failure(Problem(rule: rule, message: CalendarDate.message(text)))
        case .success(let parsed): date = parsed
        }
        let runDate = options.runDate
        if field == .birthDate, date > runDate {
            return .failure(
                Problem(
                    rule: .dateFuture,
                    message: FindingMessage(.dateFuture, .date(date.description), .date(runDate.description))))
        }
        if field == .documentExpiry, date < runDate {
            let days = runDate.daysSince1970 - date.daysSince1970
            return .failure(
                Problem(
                    rule: .documentExpired,
                    message: FindingMessage(
                        .documentExpired, .date(date.description), .count(days), .date(runDate.description)),
                    keptValue: date.description))
        }
        return .success(date.description)
    }

    /// Leading 7: an establishment's unified number; 1 or 2: an individual.
    package static func sponsorType(ofID id: String) -> SponsorType {
        id.utf8.first == UInt8(ascii: "7") ? .establishment : .individual
    }
}
