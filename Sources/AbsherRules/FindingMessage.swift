import AbsherReading
import AbsherSchema
import AbsherSupport

/// A finding's message as data: a sentence of the catalogue (`MessageKey`) and its arguments. It becomes text
/// only in a report, in the report's language, each argument written (and masked, contract §6.10) by its kind
/// before it is put into the sentence: no report ever searches finished text for what to mask.
public struct FindingMessage: Sendable, Hashable, CustomStringConvertible {
    public var key: MessageKey
    public var arguments: [MessageArgument]

    public init(_ key: MessageKey, _ arguments: MessageArgument...) {
        self.key = key
        self.arguments = arguments
    }

    public init(_ key: MessageKey, arguments: [MessageArgument]) {
        self.key = key
        self.arguments = arguments
    }

    /// The rule's one-line summary, for findings that have nothing more to say.
    public static func summary(_ rule: RuleCode) -> FindingMessage { FindingMessage(.ruleSummary, .rule(rule)) }

    /// English, unmasked, as plain text: for the terminal and the log.
    public var description: String { render(.english, PlainMessageStyle()) }

    /// The message in `language`, its literal text, code spans and arguments written by `style`.
    public func render(_ language: ReportLanguage, _ style: some MessageStyle) -> String {
        var out = ""
        out.reserveCapacity(160)
        if key == .ruleSummary, case .rule(let rule)? = arguments.first {
            Self.fill(rule.summary(language), arguments: [], language: language, style: style, into: &out)
        } else {
            let parts = language == .arabic ? Self.arabicParts[key] : Self.englishParts[key]
            Self.fill(parts ?? [], arguments: arguments, language: language, style: style, into: &out)
        }
        return out
    }

    /// One piece of a template: literal text, a `` `code` `` span, or the index of an argument.
    package enum Part: Sendable {
        case literal(Substring)
        case code(Substring)
        case argument(Int)
    }

    /// Every key's templates cut into their parts once (a report renders a message per finding).
    private static let englishParts = Dictionary(
        uniqueKeysWithValues: MessageKey.allCases.map { ($0, parts($0.english)) })
    private static let arabicParts = Dictionary(
        uniqueKeysWithValues: MessageKey.allCases.map { ($0, parts($0.arabic)) })

    /// `template` cut at its `{n}` placeholders and `` `code` `` spans, in one pass over its UTF-8 bytes (the
    /// markers are ASCII, so every index found is one of the string's).
    package static func parts(_ template: String) -> [Part] {
        let utf8 = template.utf8
        var parts: [Part] = []
        var literalStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "`"), let close = utf8[utf8.index(after: index)...].firstIndex(of: byte) {
                if literalStart < index { parts.append(.literal(template[literalStart..<index])) }
                parts.append(.code(template[utf8.index(after: index)..<close]))
                index = utf8.index(after: close)
                literalStart = index
                continue
            }
            if byte == UInt8(ascii: "{"), utf8.distance(from: index, to: utf8.endIndex) >= 3 {
                let digitIndex = utf8.index(after: index)
                let digit = Int(utf8[digitIndex]) - 0x30
                let closeIndex = utf8.index(after: digitIndex)
                if utf8[closeIndex] == UInt8(ascii: "}"), digit >= 1, digit <= 9 {
                    if literalStart < index { parts.append(.literal(template[literalStart..<index])) }
                    parts.append(.argument(digit - 1))
                    index = utf8.index(after: closeIndex)
                    literalStart = index
                    continue
                }
            }
            index = utf8.index(after: index)
        }
        if literalStart < utf8.endIndex { parts.append(.literal(template[literalStart...])) }
        return parts
    }

    /// `template` with its `{n}` replaced by the written arguments and its `` `code` `` spans written as code.
    package static func fill(
        _ template: String, arguments: [MessageArgument], language: ReportLanguage, style: some MessageStyle,
        into out: inout String
    ) {
        fill(parts(template), arguments: arguments, language: language, style: style, into: &out)
    }

    package static func fill(
        _ parts: [Part], arguments: [MessageArgument], language: ReportLanguage, style: some MessageStyle,
        into out: inout String
    ) {
        for part in parts {
            switch part {
            case .literal(let text): style.literal(text, into: &out)
            case .code(let text): style.code(text, into: &out)
            case .argument(let index):
                guard index < arguments.count else { continue }
                style.argument(arguments[index], language: language, into: &out)
            }
        }
    }
}

/// How a report writes the parts of a message: its literal text, its code spans and its arguments, each
/// appended to the message being written.
public protocol MessageStyle {
    func literal(_ text: Substring, into out: inout String)
    func code(_ text: Substring, into out: inout String)
    func argument(_ argument: MessageArgument, language: ReportLanguage, into out: inout String)
}

extension MessageStyle {
    /// An argument as text, each value written by `value` (given its kind and its text) into `out`: the part
    /// every style shares.
    package func write(
        _ argument: MessageArgument, language: ReportLanguage, into out: inout String,
        value: (MessageArgument, String, inout String) -> Void
    ) {
        switch argument {
        case .id(let text), .mobile(let text), .email(let text), .value(let text), .date(let text),
            .prefix(let text), .column(let text), .code(let text), .file(let text), .text(let text):
            value(argument, text, &out)
        case .rule(let rule): value(argument, rule.code, &out)
        case .count(let number):
            value(argument, number < 1_000 ? String(number) : FindingList.groupedDigits(number), &out)
        case .number(let number), .line(let number): value(argument, String(number), &out)
        case .ids(let ids, let total):
            writeList(ids.count, total: total, language: language, into: &out) { index, out in
                value(.id(ids[index]), ids[index], &out)
            }
        case .lines(let lines, let total):
            writeList(lines.count, total: total, language: language, into: &out) { index, out in
                value(.line(lines[index]), String(lines[index]), &out)
            }
        case .term(let term):
            FindingMessage.fill(term.text(language), arguments: [], language: language, style: self, into: &out)
        case .gregorianMonth(let month), .hijriMonth(let month):
            let names: [(english: String, arabic: String)]
            if case .hijriMonth = argument {
                names = MessageArgument.hijriMonthNames
            } else {
                names = MessageArgument.gregorianMonthNames
            }
            guard month >= 1, month <= 12 else {
                out += String(month)
                return
            }
            out += language == .arabic ? names[month - 1].arabic : names[month - 1].english
        }
    }

    /// `a, b and 4,996 more` (`a، b و4,996 غيرها`), the items written by `item`.
    private func writeList(
        _ count: Int, total: Int, language: ReportLanguage, into out: inout String,
        item: (Int, inout String) -> Void
    ) {
        for index in 0..<count {
            if index > 0 { out += language == .arabic ? "، " : ", " }
            item(index, &out)
        }
        let rest = total - count
        guard rest > 0 else { return }
        out +=
            language == .arabic
            ? " و\(FindingList.groupedDigits(rest)) غيرها" : " and \(FindingList.groupedDigits(rest)) more"
    }
}

/// Plain text, nothing masked: the terminal, the log, tests.
public struct PlainMessageStyle: MessageStyle {
    public init() {}
    public func literal(_ text: Substring, into out: inout String) { out += text }
    public func code(_ text: Substring, into out: inout String) { out += text }
    public func argument(_ argument: MessageArgument, language: ReportLanguage, into out: inout String) {
        write(argument, language: language, into: &out) { _, text, out in out += text }
    }
}
