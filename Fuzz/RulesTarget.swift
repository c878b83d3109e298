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

#if !ABSHER_FUZZ
    import AbsherImport
#endif

/// The field rules' fuzz target: the input as one cell through `CellText.normalize` and every rule, the
/// fields of its first records likewise, and those records through a `RowValidator` of each kind.
///
/// Invariants: a normalised cell is non-empty NFC with no whitespace at its ends, no whitespace but single
/// ASCII spaces, and normalises to itself; every rule's success value is in its canonical form and goes
/// through the rule again unchanged (an ID revalidates to itself, a mobile normalises to itself, a parsed
/// date's `YYYY-MM-DD` parses back to the same day in the Gregorian range); failures carry the rule's
/// own codes; a row result has a canonical record exactly when it has no error finding, and its findings
/// name its line, file and claimed ID.
///
/// Strings are compared by their UTF-8 bytes, never with `==` (which is canonical equivalence).
/// Compiled into the `rules-fuzzer` binary by `Scripts/fuzz` and into the test target through a link.
enum RulesTarget {
    /// Records read from one input, at most.
    private static let maximumRecords = 8
    /// Fields of those records checked as cells, at most.
    private static let maximumCells = 64
    private static let fileName = "fuzz.csv"
    private static let options = ValidationOptions(runDate: GregorianDate(year: 2026, month: 1, day: 1)!)

    /// The invariants the rules broke on `data`; empty when they held.
    static func violations(in data: [UInt8]) -> [String] {
        var problems: [String] = []
        checkCell(data[...], into: &problems)

        var reader = CSVReader(bytes: data, chunkSize: 4096)
        var records: [CSVRecord] = []
        while records.count < maximumRecords, let record = try? reader.next() { records.append(record) }
        // Waits for the background hashing, which holds the input: LeakSanitizer would call it a leak.
        _ = reader.sha256Hex()
        var cells = 0
        for record in records {
            for index in 0..<record.fieldCount where cells < maximumCells {
                checkCell(record.field(index), into: &problems)
                cells += 1
            }
        }

        let rotation = Int(data.first ?? 0)
        for kind in RecordKind.allCases {
            // The first record as the header, the others as rows.
            if let header = records.first {
                let map = HeaderMap(kind: kind, header: header.strings, fileName: fileName)
                if map.isUsable {
                    let validator = RowValidator(header: map, fileName: fileName, options: options)
                    for record in records.dropFirst() { checkRow(validator, record, into: &problems) }
                }
            }
            // Every record under a header of the kind's own columns, as many cells as the record has.
            for record in records {
                let columns = kind.columns
                let names = (0..<record.fieldCount).map { index in
                    index < columns.count ? columns[(index + rotation) % columns.count].column.rawValue : "extra \(index)"
                }
                let map = HeaderMap(kind: kind, header: names, fileName: fileName)
                let validator = RowValidator(header: map, fileName: fileName, options: options)
                checkRow(validator, record, into: &problems)
            }
        }
        return problems
    }

    /// Checks `CellText.normalize` on `bytes` and every rule on the result.
    static func checkCell(_ bytes: ArraySlice<UInt8>, into problems: inout [String]) {
        guard let text = CellText.normalize(bytes) else { return }
        func fail(_ message: String) { problems.append("cell '\(text.debugDescription)': \(message)") }

        if text.isEmpty { fail("normalised to the empty string") }
        if let again = CellText.normalize(Array(text.utf8)[...]), same(again, text) {
        } else {
            fail("does not normalise to itself")
        }
        if !same(text, text.precomposedStringWithCanonicalMapping) { fail("is not NFC") }
        var previousWasSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.properties.isWhitespace
            if isSpace, scalar.value != 0x20 || previousWasSpace { fail("has whitespace left uncollapsed") }
            previousWasSpace = isSpace
        }
        let trimmed: Set<UInt32> = [0x20, 0x200E, 0x200F, 0x061C]
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            trimmed.contains(first.value) || trimmed.contains(last.value)
        {
            fail("has a space or bidi mark at an end")
        }

        for column in [IDColumn.citizen, .resident, .sponsor] {
            switch NationalID.validate(text, column: column) {
            case .success(let id):
                if id.utf8.count != 10 || !id.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { fail("ID '\(id)'") }
                if !succeeds(NationalID.validate(id, column: column), with: id) { fail("ID \(id) does not revalidate") }
            case .failure(let rule):
                if ![.idFormat, .idChecksum, .idKind].contains(rule) { fail("ID rule \(rule)") }
            }
        }
        switch SaudiMobile.normalize(text) {
        case .success(let mobile):
            if mobile.utf8.count != 13 || !mobile.hasPrefix("+9665") { fail("mobile '\(mobile)'") }
            if !succeeds(SaudiMobile.normalize(mobile), with: mobile) { fail("mobile \(mobile) does not renormalise") }
        case .failure(let rule):
            if rule != .mobileInvalid { fail("mobile rule \(rule)") }
        }
        switch EmailAddress.normalize(text) {
        case .success(let email):
            if !succeeds(EmailAddress.normalize(email), with: email) { fail("e-mail '\(email)' does not renormalise") }
        case .failure(let rule):
            if rule != .emailInvalid { fail("e-mail rule \(rule)") }
        }
        switch Username.validate(text) {
        case .success(let username):
            if !same(username, text) { fail("username changed to '\(username)'") }
            let key = Username.key(username)
            if !same(Username.key(key), key) { fail("username key '\(key)' is not stable") }
            if !succeeds(Username.validate(key), with: key) { fail("username key '\(key)' is invalid") }
        case .failure(let rule):
            if rule != .usernameInvalid { fail("username rule \(rule)") }
        }
        for script in [NameScript.arabic, .latin, .any] {
            switch PersonName.validate(text, script: script) {
            case .success(let name): if !same(name, text) { fail("name changed to '\(name)'") }
            case .failure(let rule): if rule != .nameScript { fail("name rule \(rule)") }
            }
        }
        switch CalendarDate.parse(text) {
        case .success(let date):
            if GregorianDate(year: date.year, month: date.month, day: date.day) != date { fail("date \(date) is no day") }
            if GregorianDate(iso: date.description) != date { fail("date \(date) does not read back as ISO") }
            if (1900...2100).contains(date.year), CalendarDate.parse(date.description) != .success(date) {
                fail("date \(date) does not parse back")
            }
        case .failure(let rule):
            if rule != .dateInvalid { fail("date rule \(rule)") }
        }
        switch Gender.normalize(text) {
        case .success(let gender):
            if gender != "M" && gender != "F" || !succeeds(Gender.normalize(gender), with: gender) {
                fail("gender '\(gender)'")
            }
        case .failure(let rule):
            if rule != .genderInvalid { fail("gender rule \(rule)") }
        }
        switch PreferredLanguage.normalize(text) {
        case .success(let language):
            if language != "ar" && language != "en" || !succeeds(PreferredLanguage.normalize(language), with: language) {
                fail("language '\(language)'")
            }
        case .failure(let rule):
            if rule != .languageInvalid { fail("language rule \(rule)") }
        }
        for forbidSaudi in [false, true] {
            switch Nationality.normalize(text, forbidSaudi: forbidSaudi) {
            case .success(let code):
                if code.utf8.count != 3 || !code.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A })
                    || (forbidSaudi && code == "SAU")
                    || !succeeds(Nationality.normalize(code, forbidSaudi: forbidSaudi), with: code)
                {
                    fail("nationality '\(code)'")
                }
            case .failure(let rule):
                if rule != .nationalityInvalid { fail("nationality rule \(rule)") }
            }
        }
        if let type = SponsorType(text: text), SponsorType(text: type.rawValue) != type { fail("sponsor type \(type)") }
        let digits = Digits.asciiDigits(text)
        if !same(Digits.asciiDigits(digits), digits) { fail("digit folding is not stable") }
    }

    /// Checks a row result of `validator` on `record`.
    static func checkRow(_ validator: RowValidator, _ record: CSVRecord, into problems: inout [String]) {
        let result = validator.validate(record)
        func fail(_ message: String) { problems.append("\(validator.kind) row at line \(record.line): \(message)") }
        if result.line != record.line { fail("result line \(result.line)") }
        let hasError = result.findings.contains { $0.severity == .error }
        if hasError != (result.record == nil) { fail("error findings \(hasError), record \(result.record != nil)") }
        if let id = result.claimedID, id.utf8.count != 10 || !id.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            fail("claimed ID '\(id)'")
        }
        for finding in result.findings {
            if finding.line != record.line || finding.file != fileName { fail("finding \(finding.rule) misplaced") }
            if let id = result.claimedID, !same(finding.recordID, id) { fail("finding names '\(finding.recordID)'") }
        }
        guard let canonical = result.record else { return }
        let kind = validator.kind
        if canonical.kind != kind || canonical.values.count != kind.fields.count { fail("record shape") }
        if result.claimedID.map({ same($0, canonical.id) }) != true { fail("record ID differs from claimed ID") }
        if let mobile = canonical[.mobile], !succeeds(SaudiMobile.normalize(mobile), with: mobile) {
            fail("stored mobile '\(mobile)'")
        }
        if let email = canonical[.email], !succeeds(EmailAddress.normalize(email), with: email) {
            fail("stored e-mail '\(email)'")
        }
        for field in [Field.birthDate, .documentExpiry] {
            if let date = canonical[field], GregorianDate(iso: date)?.description != date { fail("stored \(field)") }
        }
    }

    /// Whether two strings have the same UTF-8 bytes.
    private static func same(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// Whether `result` is a success with exactly the bytes of `expected`.
    private static func succeeds(_ result: Result<String, RuleCode>, with expected: String) -> Bool {
        if case .success(let value) = result { return same(value, expected) }
        return false
    }
}

#if ABSHER_FUZZ
    /// libFuzzer's entry point: a broken invariant is a crash.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzRules(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        let problems = RulesTarget.violations(in: Array(UnsafeBufferPointer(start: data, count: size)))
        if !problems.isEmpty { fatalError("rule invariant broken: " + problems.joined(separator: "; ")) }
        return 0
    }
#endif
