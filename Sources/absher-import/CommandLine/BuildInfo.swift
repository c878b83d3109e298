import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// What `--version` prints: the version, the commit the binary was built from, the store schema it writes and
/// the SQLite library it runs with.
///
/// The commit is stamped into the built binary by `Scripts/stamp-commit` (run by `Scripts/install` and
/// `Scripts/package-deb`): it overwrites the underscores of `commitStamp`, in place and at the same length, with
/// the commit's hex digits (and `-dirty` for a tree with uncommitted changes). An unstamped build says
/// `unknown`.
enum BuildInfo {
    /// 21 bytes of marker, then 48 bytes of commit padded with `_`. Never edit by hand.
    static let commitStamp: StaticString = "ABSHER_IMPORT_COMMIT=________________________________________________"
    static let markerLength = 21

    /// The stamped commit, or nil. Read byte by byte at run time (`@_optimize(none)`): the optimiser must not
    /// fold the literal's bytes as it was compiled, since the stamp changes them afterwards.
    @inline(never) @_optimize(none)
    static func stampedCommit(_ stamp: StaticString) -> String? {
        var bytes: [UInt8] = []
        let start = stamp.utf8Start
        for offset in markerLength..<stamp.utf8CodeUnitCount {
            let byte = start[offset]
            if byte == UInt8(ascii: "_") { break }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    static var commit: String { stampedCommit(commitStamp) ?? "unknown" }

    static var versionText: String {
        var text = """
            absher-import \(Commands.version)
            commit: \(commit)
            store schema: \(StoreEngines.schemaVersion)

            """
        for library in StoreEngines.libraryVersions { text += "\(library.name): \(library.version)\n" }
        return text
    }
}
