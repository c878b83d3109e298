import Foundation

/// An RFC 4180 file the binary wrote, read back as a header and rows of cells (quoted cells may hold commas,
/// quotes and line breaks), so that tests compare what a spreadsheet would show.
struct CSVTable {
    var header: [String]
    var rows: [[String]]

    init(contentsOf path: String) throws {
        try self.init(text: String(contentsOfFile: path, encoding: .utf8))
    }

    init(text: String) {
        var records: [[String]] = []
        var record: [String] = []
        var cell = ""
        var quoted = false
        var atCellStart = true
        var characters = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? characters.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        cell.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        pending = next
                    }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atCellStart:
                quoted = true
                atCellStart = false
            case ",":
                record.append(cell)
                cell = ""
                atCellStart = true
            case "\r":
                break
            case "\n":
                record.append(cell)
                records.append(record)
                record = []
                cell = ""
                atCellStart = true
            default:
                cell.unicodeScalars.append(scalar)
                atCellStart = false
            }
        }
        if !cell.isEmpty || !record.isEmpty {
            record.append(cell)
            records.append(record)
        }
        header = records.first ?? []
        rows = Array(records.dropFirst())
    }

    /// The rows as dictionaries keyed by the header's names.
    var records: [[String: String]] {
        rows.map { row in
            let padded = row + Array(repeating: "", count: max(0, header.count - row.count))
            return Dictionary(uniqueKeysWithValues: zip(header, padded))
        }
    }
}
