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
                ? "The record has an unterminated quote; it runs to the end of the file."
                : "The record has \(record.fieldCount) cells; the header has \(header.cellCount)."
            return RowResult(
                line: line, claimedID: claimed, record: nil,
                findings: [
                    Finding(file: fileName, line: line, recordID: claimed ?? "", rule: .rowMalformed, message: message)
                ])
        }

        var findings: [Finding] = []
        var hasError = false
        @inline(__always) func report(_ rule: RuleCode, _ column: Column, _ value: String, _ message: String? = nil) {
            if rule.severity == .error { hasError = true }
            findings.append(
                Finding(
                    file: fileName, line: line, recordID: "", field: column.rawValue, rule: rule,
                    message: message ?? rule.summary, value: value))
        }

        // The ID first: it names the record in every other finding.
        var id: String?
        let idColumn = kind.idColumn
        if let position = idPosition, let text = CellText.normalize(record.field(position)) {
            switch NationalID.validate(text, column: idColumnKind) {
            case .success(let value): id = value
            case .failure(let rule): report(rule, idColumn, text)
            }
        } else {
            report(.requiredMissing, idColumn, "", "The required value \(idColumn.rawValue) is empty.")
        }

        var values = [String?](repeating: nil, count: kind.fields.count)
        for (index, field) in kind.fields.enumerated() {
            guard let slot = fieldSlots[index] else { continue }
            let (column, required) = kind.columns[slot]
            guard let position = header.positions[slot], let text = CellText.normalize(record.field(position))
            else {
                if required {
                    report(.requiredMissing, column, "", "The required value \(column.rawValue) is empty.")
                }
                continue
            }
            if let message = FieldLength.excess(text, field: field, column: column.rawValue) {
                report(FieldLength.rule(of: field), column, text, message)
                continue
            }
            switch check(field, text: text, id: id) {
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
        var message: String? = nil
        /// For a warning, the value that is still stored.
        var keptValue: String? = nil
    }

    private func check(_ field: Field, text: String, id: String?) -> Result<String, Problem> {
        func plain(_ result: Result<String, RuleCode>) -> Result<String, Problem> {
            result.mapError { Problem(rule: $0) }
        }
        switch field {
        case .nameAr: return plain(PersonName.validate(text, script: .arabic))
        case .nameEn: return plain(PersonName.validate(text, script: .latin))
        case .name: return plain(PersonName.validate(text, script: .any))
        case .gender: return plain(Gender.normalize(text))
        case .mobile: return plain(SaudiMobile.normalize(text))
        case .email: return plain(EmailAddress.normalize(text))
        case .username:
            return plain(
                Username.validate(
                    text, minLength: options.usernameMinLength, maxLength: options.usernameMaxLength))
        case .preferredLanguage: return plain(PreferredLanguage.normalize(text))
        case .nationality: return plain(Nationality.normalize(text, forbidSaudi: true))
        case .sponsorID: return plain(NationalID.validate(text, column: .sponsor))
        case .birthDate:
            switch CalendarDate.parse(text) {
            case .failure(let rule): return .failure(Problem(rule: rule))
            case .success(let date):
                if date > options.runDate {
                    return .failure(
                        Problem(
                            rule: .dateFuture,
                            message: "The birth date \(date) is after the run date \(options.runDate)."))
                }
                return .success(date.description)
            }
        case .documentExpiry:
            switch CalendarDate.parse(text) {
            case .failure(let rule): return .failure(Problem(rule: rule))
            case .success(let date):
                if date < options.runDate {
                    return .failure(
                        Problem(
                            rule: .documentExpired,
                            message: "The document expired on \(date), before the run date \(options.runDate).",
                            keptValue: date.description))
                }
                return .success(date.description)
            }
        case .sponsorType:
            guard let type = SponsorType(text: text) else {
                return .failure(Problem(rule: .sponsorTypeMismatch, message: "'\(text)' is not a sponsor type."))
            }
            if let id, Self.sponsorType(ofID: id) != type {
                return .failure(
                    Problem(
                        rule: .sponsorTypeMismatch,
                        message: "The sponsor type \(type.rawValue) disagrees with the ID's leading digit \(id.first!)."
                    ))
            }
            return .success(type.rawValue)
        }
    }

    /// Leading 7: an establishment's unified number; 1 or 2: an individual.
    package static func sponsorType(ofID id: String) -> SponsorType {
        id.utf8.first == UInt8(ascii: "7") ? .establishment : .individual
    }
}
