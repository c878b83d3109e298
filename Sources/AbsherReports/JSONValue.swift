import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// A JSON value whose objects keep their keys in insertion order, so that `summary.json` is deterministic.
///
/// `serialized()` pretty-prints with a 2-space indent and `": "` after keys, empty arrays and objects as `[]`
/// and `{}`, and no trailing newline. Strings follow RFC 8259 section 7: `\"`, `\\`, `\n`, `\r`, `\t`, other
/// controls below U+0020, DEL, C1 controls, bidi controls and line separators as `\uXXXX`, everything else
/// (non-ASCII included) as UTF-8. Integers are written as
/// they are; doubles are rounded to 6 decimal places with trailing zeros dropped but one kept after the point
/// (`0.05`, `12.0`), `-0.0` as `0.0`, and NaN or infinities as `null`, which JSON cannot express otherwise.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let left), .bool(let right)): left == right
        case (.int(let left), .int(let right)): left == right
        case (.double(let left), .double(let right)): left == right
        case (.string(let left), .string(let right)): left == right
        case (.array(let left), .array(let right)): left == right
        case (.object(let left), .object(let right)):
            left.count == right.count && zip(left, right).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The pretty-printed text, without a trailing newline.
    public func serialized() -> String {
        var output: [UInt8] = []
        append(to: &output, indent: 0)
        return String(decoding: output, as: UTF8.self)
    }

    private func append(to output: inout [UInt8], indent: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .double(let value): output.append(contentsOf: Self.format(value).utf8)
        case .string(let value): Self.appendQuoted(value, to: &output)
        case .array(let elements):
            guard !elements.isEmpty else { return output.append(contentsOf: "[]".utf8) }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                output.append(contentsOf: index == 0 ? "\n".utf8 : ",\n".utf8)
                Self.appendIndent(indent + 1, to: &output)
                element.append(to: &output, indent: indent + 1)
            }
            output.append(UInt8(ascii: "\n"))
            Self.appendIndent(indent, to: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return output.append(contentsOf: "{}".utf8) }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                output.append(contentsOf: index == 0 ? "\n".utf8 : ",\n".utf8)
                Self.appendIndent(indent + 1, to: &output)
                Self.appendQuoted(key, to: &output)
                output.append(contentsOf: ": ".utf8)
                value.append(to: &output, indent: indent + 1)
            }
            output.append(UInt8(ascii: "\n"))
            Self.appendIndent(indent, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func appendIndent(_ level: Int, to output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// RFC 8259 section 7 string escaping; also, as `\uXXXX`, DEL, the C1 controls, bidi controls and line
    /// separators (`TerminalText.isUnsafe`), which JSON allows raw but which a terminal or log viewer would run
    /// or reorder (contract §7.9).
    package static func appendQuoted(_ string: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output.append(contentsOf: #"\""#.utf8)
            case "\\": output.append(contentsOf: #"\\"#.utf8)
            case "\n": output.append(contentsOf: #"\n"#.utf8)
            case "\r": output.append(contentsOf: #"\r"#.utf8)
            case "\t": output.append(contentsOf: #"\t"#.utf8)
            default:
                if TerminalText.isUnsafe(scalar) {
                    output.append(contentsOf: #"\u"#.utf8)
                    for shift in stride(from: 12, through: 0, by: -4) {
                        output.append(hexDigits[Int((scalar.value >> UInt32(shift)) & 0x0F)])
                    }
                } else {
                    output.append(contentsOf: UTF8.encode(scalar)!)
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// `%.6f` in the POSIX locale, trailing zeros dropped down to one digit after the point.
    package static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        var text = String(format: "%.6f", locale: nil, value == 0 ? 0.0 : value)
        while text.hasSuffix("0"), !text.hasSuffix(".0") { text.removeLast() }
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        return text
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Keeps the literal's key order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements) }
}
