import AbsherReading
import AbsherRules
import AbsherSchema
import AbsherSupport
import Foundation

/// One input file of a run and the register it belongs to.
public struct InputFile: Sendable, Hashable {
    public var kind: RecordKind
    public var path: String {
        didSet { name = Self.name(of: path) }
    }
    /// The file's name, as reports show it: the last component of `path`. Kept, not worked out from the path
    /// each time: every finding of the file names it, and `NSString` bridging costs microseconds a call.
    public private(set) var name: String

    public init(kind: RecordKind, path: String) {
        self.kind = kind
        self.path = path
        name = Self.name(of: path)
    }

    private static func name(of path: String) -> String { (path as NSString).lastPathComponent }

    /// The file's name in the report's `rejected/` folder: its own name when that starts with its kind's prefix
    /// (as every file `DIR` finds does), else the prefix, `-` and its name (`--citizens d1/export.csv` gives
    /// `citizens-export.csv`). Each kind has one file a run, every name starts with its kind's prefix and no
    /// prefix starts another, so two files of a run never get one name (contract §6.6).
    public var rejectedCopyName: String {
        let name = name
        return name.lowercased().hasPrefix(kind.filePrefix) ? name : kind.filePrefix + "-" + name
    }

    /// Contract §7.2: `DIR` finds `citizens*.csv`, `residents*.csv` and `sponsors*.csv`; any may be absent.
    /// More than one match for a kind is ambiguous and returns that kind in `ambiguous`.
    public static func discover(in directory: String) throws -> (files: [InputFile], ambiguous: [RecordKind: [String]])
    {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        var files: [InputFile] = []
        var ambiguous: [RecordKind: [String]] = [:]
        for kind in RecordKind.allCases {
            let matches = names.filter {
                let lower = $0.lowercased()
                return lower.hasPrefix(kind.filePrefix) && lower.hasSuffix(".csv")
            }
            if matches.count > 1 { ambiguous[kind] = matches }
            if let first = matches.first {
                files.append(InputFile(kind: kind, path: (directory as NSString).appendingPathComponent(first)))
            }
        }
        return (files, ambiguous)
    }
}
