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
    public static func summary(_ rule: RuleCode) -> FindingMessage { FindingMessage(.ruleSummary, .code(rule.code)) }

    /// English, unmasked, as plain text: for the terminal and the log.
    public var description: String { render(.english, PlainMessageStyle()) }

    /// The message in `language`, its literal text, code spans and arguments written by `style`.
    public func render(_ language: ReportLanguage, _ style: some MessageStyle) -> String {
        if key == .ruleSummary, case .code(let code)? = arguments.first, let rule = RuleCode(rawValue: code) {
            return Self.fill(rule.summary(language), arguments: [], language: language, style: style)
        }
        return Self.fill(key.template(language), arguments: arguments, language: language, style: style)
    }

    /// `template` with its `{n}` replaced by the written arguments and its `` `code` `` spans written as code.
    /// One pass over the template's UTF-8 bytes (the markers are ASCII, so every index found is one of the
    /// string's): a report renders a message per finding.
    package static func fill(
        _ template: String, arguments: [MessageArgument], language: ReportLanguage, style: some MessageStyle
    ) -> String {
        let utf8 = template.utf8
        var out = ""
        out.reserveCapacity(utf8.count + 32)
        var literalStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "`"), let close = utf8[utf8.index(after: index)...].firstIndex(of: byte) {
                if literalStart < index { out += style.literal(template[literalStart..<index]) }
                out += style.code(template[utf8.index(after: index)..<close])
                index = utf8.index(after: close)
                literalStart = index
                continue
            }
            if byte == UInt8(ascii: "{"), utf8.distance(from: index, to: utf8.endIndex) >= 3 {
                let digitIndex = utf8.index(after: index)
                let digit = Int(utf8[digitIndex]) - 0x30
                let closeIndex = utf8.index(after: digitIndex)
                if utf8[closeIndex] == UInt8(ascii: "}"), digit >= 1, digit <= arguments.count {
                    if literalStart < index { out += style.literal(template[literalStart..<index]) }
                    out += style.argument(arguments[digit - 1], language: language)
                    index = utf8.index(after: closeIndex)
                    literalStart = index
                    continue
                }
            }
            index = utf8.index(after: index)
        }
        if literalStart < utf8.endIndex { out += style.literal(template[literalStart...]) }
        return out
    }
}

/// How a report writes the parts of a message: its literal text, its code spans and its arguments.
public protocol MessageStyle {
    func literal(_ text: Substring) -> String
    func code(_ text: Substring) -> String
    func argument(_ argument: MessageArgument, language: ReportLanguage) -> String
}

extension MessageStyle {
    /// An argument as plain text, each value passed through `value` (by its kind) first: the common part of
    /// every style.
    package func plainText(
        _ argument: MessageArgument, language: ReportLanguage, value: (MessageArgument, String) -> String
    ) -> String {
        switch argument {
        case .id(let text), .mobile(let text), .email(let text), .value(let text), .date(let text),
            .prefix(let text), .column(let text), .code(let text), .file(let text), .text(let text):
            return value(argument, text)
        case .count(let number): return value(argument, FindingList.groupedDigits(number))
        case .number(let number), .line(let number): return value(argument, String(number))
        case .ids(let ids, let total):
            return MessageArgument.list(ids.map { value(.id($0), $0) }, total: total, language: language)
        case .lines(let lines, let total):
            return MessageArgument.list(
                lines.map { value(.line($0), String($0)) }, total: total, language: language)
        case .term(let term):
            return FindingMessage.fill(term.text(language), arguments: [], language: language, style: self)
        case .gregorianMonth(let month), .hijriMonth(let month):
            let names: [(english: String, arabic: String)]
            if case .hijriMonth = argument {
                names = MessageArgument.hijriMonthNames
            } else {
                names = MessageArgument.gregorianMonthNames
            }
            guard month >= 1, month <= 12 else { return String(month) }
            return language == .arabic ? names[month - 1].arabic : names[month - 1].english
        }
    }
}

/// Plain text, nothing masked: the terminal, the log, tests.
public struct PlainMessageStyle: MessageStyle {
    public init() {}
    public func literal(_ text: Substring) -> String { String(text) }
    public func code(_ text: Substring) -> String { String(text) }
    public func argument(_ argument: MessageArgument, language: ReportLanguage) -> String {
        plainText(argument, language: language) { _, text in text }
    }
}
