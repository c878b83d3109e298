import AbsherRules
import AbsherSchema
import AbsherStore
import AbsherSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `absher-import export`: the store's active records as `citizens.csv`, `residents.csv` and `sponsors.csv`.
///
/// Each file has the contract's English headers in its column order (§2.6 to §2.8), one row per **active**
/// record, sorted by ID, with the canonical values the store keeps, so that `absher-import run` on the export,
/// against the same store and with the same `--now`, reports every record `unchanged`. Files are written with
/// `CSVWriter` (mode 0600, RFC 4180, CRLF) under a temporary name, synced, then renamed over `<kind>.csv`, so
/// each file appears whole or not at all and an export replaces an older one.
///
/// The export is a data interchange file for this tool, not a report: it holds exact values, without the
/// formula guard (contract §6.9), so a mobile is its stored `+9665XXXXXXXX` and a sponsor name `=Alpha`
/// stays `=Alpha`. Open it in a spreadsheet only through its text import, every column as text (README).
public enum StoreExport {
    /// What an export wrote.
    public struct Summary: Sendable, Hashable {
        /// The folder written to.
        public var folder: String
        /// Rows written per kind (headers excluded).
        public var rows: [RecordKind: Int]

        /// The path of a kind's file in `folder`.
        public func path(for kind: RecordKind) -> String { StoreExport.path(in: folder, for: kind) }
    }

    /// The path of a kind's export file in `folder`: `<folder>/citizens.csv` and so on.
    public static func path(in folder: String, for kind: RecordKind) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + kind.filePrefix + ".csv"
    }

    /// Opens the store read-only (a missing store is never created) and exports it into `folder`, created with
    /// mode 0700 (parents too) when missing.
    ///
    /// - Throws: a `StoreError` (the store cannot be opened or read), `FileSystemError` (the folder or a file
    ///   cannot be created or written).
    public static func export(storePath: String, to folder: String) throws -> Summary {
        let reader = try StoreEngines.openReader(storePath)
        defer { reader.close() }
        return try export(reader, to: folder)
    }

    /// Exports the active records of `reader` into `folder` (see `export(storePath:to:)`). All three files
    /// are read inside one read transaction, so a run committing meanwhile is seen wholly or not at all.
    package static func export(_ reader: any StoreReader, to folder: String) throws -> Summary {
        if let type = FileSystem.entryType(at: folder), type != S_IFDIR {
            throw FileSystemError.cannotCreate(path: folder, errno: ENOTDIR)
        }
        try FileSystem.makeFolders(folder)
        var summary = Summary(folder: folder, rows: [:])
        try reader.inReadTransaction {
            for kind in RecordKind.allCases {
                summary.rows[kind] = try write(kind, from: reader, to: path(in: folder, for: kind))
            }
        }
        try FileSystem.syncFolder(folder)
        return summary
    }

    /// The cells of a header row: the contract's English column names (§2.6 to §2.8) in order.
    public static func header(for kind: RecordKind) -> [String] {
        kind.columns.map(\.column.rawValue)
    }

    /// The cells of one record's row, in `header(for:)` order; absent values are empty cells.
    public static func cells(of record: CanonicalRecord) -> [String] {
        record.kind.columns.map { entry -> String in
            guard let field = entry.column.field, entry.column != record.kind.idColumn else { return record.id }
            guard let value = record[field] else { return "" }
            return value
        }
    }

    /// Writes one kind's file under a temporary name, then renames it into place; returns the row count.
    private static func write(_ kind: RecordKind, from reader: any StoreReader, to path: String) throws -> Int {
        let temporary = FileSystem.parentPath(of: path) + "/." + kind.filePrefix + ".csv.\(getpid()).partial"
        let writer = try CSVWriter(path: temporary, formulaGuard: false)
        var rows = 0
        do {
            try writer.writeRow(header(for: kind))
            try reader.forEachActiveRecord(kind) { record in
                try writer.writeRow(cells(of: record))
                rows += 1
            }
            try writer.close()
        } catch {
            try? writer.close()
            _ = unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let number = errno
            _ = unlink(temporary)
            throw FileSystemError.cannotWrite(path: path, errno: number)
        }
        return rows
    }
}
