import AbsherReading
import AbsherSchema
import Foundation

/// Where each column of a kind sits in a file's header (contract §2.3: columns by name, not position).
public struct HeaderMap: Sendable {
    public var kind: RecordKind
    /// The header cells as read.
    public var names: [String]
    /// For each entry of `kind.columns`, the cell index that carries it, if any.
    public var positions: [Int?]
    /// Cell indexes of password columns: never read past the reader, never written.
    public var sensitivePositions: Set<Int>
    /// `header.*` findings, all on line 1.
    public var findings: [Finding]

    public var cellCount: Int { names.count }
    public var isUsable: Bool { !findings.contains { $0.rule.makesFileUnusable } }

    public func position(of column: Column) -> Int? {
        guard let slot = kind.columns.firstIndex(where: { $0.column == column }) else { return nil }
        return positions[slot]
    }

    /// The map of a file's header record, its cells as text.
    public init(kind: RecordKind, headerRecord: CSVRecord, fileName: String) {
        self.init(
            kind: kind, header: (0..<headerRecord.fieldCount).map { headerRecord.string($0) }, fileName: fileName)
    }

    public init(kind: RecordKind, header: [String], fileName: String) {
        self.kind = kind
        self.names = header
        self.positions = Array(repeating: nil, count: kind.columns.count)
        self.sensitivePositions = []
        self.findings = []

        let english = kind.columns.map { Self.key($0.column.rawValue) }
        let arabic = kind.columns.map { Self.key($0.column.arabicAlias) }
        for (cell, name) in header.enumerated() {
            let key = Self.key(name)
            if Self.isSensitive(key) {
                sensitivePositions.insert(cell)
                findings.append(
                    Finding(
                        file: fileName, line: 1, rule: .headerSensitiveColumn,
                        message: FindingMessage(.headerSensitiveColumn, .count(cell + 1)),
                        value: ""))
                continue
            }
            guard let slot = english.firstIndex(of: key) ?? arabic.firstIndex(of: key) else {
                findings.append(
                    Finding(
                        file: fileName, line: 1, rule: .headerUnknownColumn,
                        message: FindingMessage(
                            .headerUnknownColumn, .count(cell + 1), .cell(name), .code(kind.filePrefix + ".csv")),
                        value: name))
                continue
            }
            let column = kind.columns[slot].column
            if positions[slot] != nil {
                findings.append(
                    Finding(
                        file: fileName, line: 1, field: column.rawValue, rule: .headerDuplicateColumn,
                        message: FindingMessage(.headerDuplicateColumn, .count(cell + 1), .column(column.rawValue)),
                        value: name))
            } else {
                positions[slot] = cell
            }
        }
        for (slot, entry) in kind.columns.enumerated() where entry.required && positions[slot] == nil {
            findings.append(
                Finding(
                    file: fileName, line: 1, field: entry.column.rawValue, rule: .headerMissingColumn,
                    message: FindingMessage(
                        .headerMissingColumn, .column(entry.column.rawValue), .value(entry.column.arabicAlias)),
                    value: ""))
        }
    }

    /// The most columns a header may have; no export of ours has more than a few dozen.
    package static let columnLimit = 1_000
    /// The most bytes a header line may have (1 MiB).
    package static let byteLimit = 1 << 20

    /// Why a header of this size makes its file unusable, or nil when it is within the limits.
    package static func oversizedMessage(fieldCount: Int, byteCount: Int) -> FindingMessage? {
        if fieldCount > columnLimit {
            return FindingMessage(.headerTooManyColumns, .count(fieldCount), .count(columnLimit))
        }
        if byteCount > byteLimit {
            return FindingMessage(.headerTooLong, .count(byteCount), .count(byteLimit))
        }
        return nil
    }

    /// The comparison key of a header name: trimmed, NFC, lower-case, with space, `_` and `-` alike.
    package static func key(_ name: String) -> String {
        let folded = name.precomposedStringWithCanonicalMapping.lowercased()
        var out = ""
        var pendingSeparator = false
        for scalar in folded.unicodeScalars {
            if scalar == " " || scalar == "_" || scalar == "-" || scalar.properties.isWhitespace
                || scalar == "\u{200E}" || scalar == "\u{200F}" || scalar == "\u{FEFF}"
            {
                pendingSeparator = !out.isEmpty
            } else {
                if pendingSeparator { out.append("_") }
                pendingSeparator = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static let sensitiveKeys = [key("password"), key("كلمة المرور")]

    package static func isSensitive(_ key: String) -> Bool {
        sensitiveKeys.contains { key.contains($0) }
    }
}
