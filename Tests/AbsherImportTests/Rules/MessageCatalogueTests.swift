import AbsherReports
import AbsherRules
import AbsherSchema
import Testing

/// Contract §4.6: every message, term, rule summary and report label of the catalogue exists in English and in
/// Arabic, the two with the same arguments, and the Arabic holds no Latin letter outside its code spans (rule
/// codes, words of the input format and options stay as they are).
@Suite struct MessageCatalogueTests {
    /// The text outside `` `code` `` spans and `{n}` placeholders.
    static func prose(_ template: String) -> String {
        var out = ""
        var inCode = false
        var scalars = template.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "`" {
                inCode.toggle()
                continue
            }
            if inCode { continue }
            out.unicodeScalars.append(scalar)
        }
        return out.replacing(#/\{[1-9]\}/#, with: "")
    }

    static func placeholders(_ template: String) -> Set<String> {
        Set(template.matches(of: #/\{[1-9]\}/#).map { String($0.output) })
    }

    static func hasLatinLetter(_ text: String) -> Bool {
        text.unicodeScalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }

    static func hasArabicLetter(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0621...0x064A).contains($0.value) }
    }

    @Test(arguments: MessageKey.allCases)
    func everyMessageHasEnglishAndArabicWithTheSameArguments(key: MessageKey) {
        #expect(!key.english.isEmpty)
        #expect(Self.placeholders(key.english) == Self.placeholders(key.arabic), "\(key.rawValue)")
        #expect(key.english.filter { $0 == "`" }.count % 2 == 0, "\(key.rawValue): unclosed code span")
        #expect(key.arabic.filter { $0 == "`" }.count % 2 == 0, "\(key.rawValue): unclosed code span")
        guard key != .ruleSummary else { return }
        #expect(Self.hasArabicLetter(key.arabic), "\(key.rawValue) has no Arabic text")
        #expect(!Self.hasLatinLetter(Self.prose(key.arabic)), "\(key.rawValue): Latin letters in \(key.arabic)")
        #expect(Self.hasLatinLetter(Self.prose(key.english)), "\(key.rawValue) has no English text")
    }

    @Test(arguments: MessageTerm.allCases)
    func everyTermHasEnglishAndArabic(term: MessageTerm) {
        #expect(Self.hasLatinLetter(Self.prose(term.english)), "\(term.rawValue)")
        #expect(Self.hasArabicLetter(term.arabic), "\(term.rawValue)")
        #expect(!Self.hasLatinLetter(Self.prose(term.arabic)), "\(term.rawValue): \(term.arabic)")
    }

    @Test(arguments: RuleCode.allCases)
    func everyRuleHasAnEnglishAndAnArabicSummary(rule: RuleCode) {
        #expect(Self.hasLatinLetter(rule.summary))
        #expect(Self.hasArabicLetter(rule.arabicSummary), "\(rule.code)")
        #expect(!Self.hasLatinLetter(Self.prose(rule.arabicSummary)), "\(rule.code): \(rule.arabicSummary)")
        #expect(rule.summary(.english) == rule.summary && rule.summary(.arabic) == rule.arabicSummary)
    }

    @Test func everyMonthHasAnEnglishAndAnArabicName() {
        for names in MessageArgument.gregorianMonthNames + MessageArgument.hijriMonthNames {
            #expect(Self.hasLatinLetter(names.english) && Self.hasArabicLetter(names.arabic), "\(names)")
            #expect(!Self.hasLatinLetter(names.arabic))
        }
        #expect(MessageArgument.gregorianMonthNames.count == 12 && MessageArgument.hijriMonthNames.count == 12)
    }

    /// Every word `report.html` shows for the run's enumerations (change kinds, statuses, kinds, severities):
    /// the code in English, Arabic words in Arabic.
    @Test func everyReportLabelHasBothLanguages() {
        let outcome = SampleOutcome.night()
        let english = HTMLReport(outcome: outcome, maskPII: false, language: .english)
        let arabic = HTMLReport(outcome: outcome, maskPII: false, language: .arabic)
        var pairs: [(String, String, String)] = []
        pairs += ChangeKind.allCases.map { ($0.rawValue, english.label($0), arabic.label($0)) }
        pairs += RunStatus.allCases.map { ($0.rawValue, english.label($0), arabic.label($0)) }
        pairs += RunCommand.allCases.map { ($0.rawValue, english.label($0), arabic.label($0)) }
        pairs += RunMode.allCases.map { ($0.rawValue, english.label($0), arabic.label($0)) }
        pairs += RecordKind.allCases.map { ($0.rawValue, english.label($0), arabic.label($0)) }
        pairs += Severity.allCases.map { ($0.rawValue, english.label($0), arabic.label($0)) }
        for (code, inEnglish, inArabic) in pairs {
            #expect(inEnglish == code)
            #expect(Self.hasArabicLetter(inArabic) && !Self.hasLatinLetter(inArabic), "\(code): \(inArabic)")
        }
        for column in Column.allCases { #expect(Self.hasArabicLetter(column.arabicAlias), "\(column)") }
    }

    @Test func argumentsAreFilledInTheirLanguageAndCodeSpansKept() {
        let message = FindingMessage(.mobileShared, .count(6), .count(5))
        #expect("\(message)" == "6 people share this mobile; at most 5 may (--max-per-mobile).")
        #expect(
            message.render(.arabic, PlainMessageStyle())
                == "عدد الأشخاص الذين يشتركون في هذا الجوال 6، والحد الأقصى 5 (--max-per-mobile).")
        let list = FindingMessage(.idConflict, .count(7_000), .lines([3, 9], total: 7_000))
        #expect("\(list)".contains("(lines 3, 9 and 6,998 more)"))
        #expect(list.render(.arabic, PlainMessageStyle()).contains("(الأسطر 3، 9 و6,998 غيرها)"))
        #expect("\(FindingMessage.summary(.idKind))" == RuleCode.idKind.summary)
    }
}
