import Foundation

/// The personal data of CSV inputs, gathered by column, and a scan of output files for it.
enum PIIScan {
    /// Splits RFC 4180 text into records of cells (quotes, doubled quotes, CR LF); good enough for test inputs.
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var cell = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            cell.unicodeScalars.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                record.append(cell)
                cell = ""
            } else if scalar == "\n" || scalar == "\r" {
                if !cell.isEmpty || !record.isEmpty {
                    record.append(cell)
                    records.append(record)
                }
                record = []
                cell = ""
            } else {
                cell.unicodeScalars.append(scalar)
            }
        }
        if !cell.isEmpty || !record.isEmpty {
            record.append(cell)
            records.append(record)
        }
        return records
    }

    /// The values of every column whose header (lower-cased, BOM dropped) satisfies `matches`.
    static func values(inFile path: String, columns matches: (String) -> Bool) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rows = records(text)
        guard let header = rows.first else { return [] }
        let picked = header.indices.filter {
            matches(header[$0].replacingOccurrences(of: "\u{FEFF}", with: "").lowercased())
        }
        return rows.dropFirst().flatMap { row in picked.compactMap { $0 < row.count ? row[$0] : nil } }
    }

    /// ASCII digits of `text`, Arabic-Indic and Extended Arabic-Indic digits included.
    static func digits(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39: result.unicodeScalars.append(scalar)
            case 0x660...0x669: result += String(scalar.value - 0x660)
            case 0x6F0...0x6F9: result += String(scalar.value - 0x6F0)
            default: break
            }
        }
        return result
    }

    /// The forms a mobile can take in an output: raw, `+9665…`, `9665…`, `05…` (for Saudi numbers).
    static func mobileForms(_ raw: String) -> [String] {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        var forms = trimmed.count >= 9 ? [trimmed] : []
        let all = digits(raw)
        if all.count >= 9, all.suffix(9).first == "5" {
            let national = String(all.suffix(9))
            forms += ["+966" + national, "966" + national, "0" + national, national]
        }
        return forms
    }

    /// Every file under `folder` (recursively, symlinks not followed) whose bytes hold one of `needles`: the
    /// file's path and the needle.
    static func findings(of needles: Set<String>, under folder: String) -> [String] {
        var found: [String] = []
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        let encoded = needles.filter { !$0.isEmpty }.map { ($0, Data($0.utf8)) }
        for case let relative as String in walker {
            let path = folder + "/" + relative
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                let data = FileManager.default.contents(atPath: path)
            else { continue }
            for (needle, bytes) in encoded where data.range(of: bytes) != nil {
                found.append("\(relative): \(needle)")
            }
        }
        return found
    }
}
