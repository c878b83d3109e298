import Foundation

/// The committed report files of one `run SampleData` (Tests/Golden/SampleData/<variant>/) and how a fresh
/// report folder is made comparable to them: the run id, start and end times and the duration are the only
/// things contract §6.11 lets differ between two runs with `--now`, so they become fixed placeholders in both copies.
/// CSV files are compared as written, with no normalisation.
struct GoldenReport {
    /// A subfolder of Tests/Golden/SampleData and the extra `run` options it was made with.
    var variant: String
    var options: [String]
    /// The report files compared (relative to the report folder); nil compares every file.
    var files: [String]?

    static let root = BinaryRun.packageRoot.appendingPathComponent("Tests/Golden/SampleData")
    /// `UPDATE_GOLDEN=1 swift test --filter GoldenReportTests` rewrites the committed files.
    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    var folder: URL { Self.root.appendingPathComponent(variant) }

    /// `20261125T030012Z` or `20261125T030012Z-2`: a run id.
    nonisolated(unsafe) static let runID = #/\d{8}T\d{6}Z(-\d+)?/#
    /// `2026-11-25T03:00:12.345Z` (summary.json) or `2026-11-25 03:00:12 UTC` (report.html).
    nonisolated(unsafe) static let timestamp = #/\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?Z| \d{2}:\d{2}:\d{2} UTC)/#
    /// The header's duration in either language: `<dd>0.1 s</dd>`, `<dd>0.1 ثانية</dd>`.
    nonisolated(unsafe) static let duration = #/<dd>\d+\.\d( s| ثانية)</dd>/#
    /// A JSON number under a key that names a duration, should summary.json ever carry one.
    nonisolated(unsafe) static let jsonDuration = #/"([a-z_]*(duration|elapsed|seconds|_ms)[a-z_]*)": [0-9.eE+-]+/#

    /// `bytes` with what may differ between two runs replaced by placeholders (only in .json and .html files).
    static func normalised(_ bytes: Data, name: String) -> Data {
        guard name.hasSuffix(".json") || name.hasSuffix(".html") else { return bytes }
        var text = String(decoding: bytes, as: UTF8.self)
        text = text.replacing(runID, with: "RUN-ID")
        text = text.replacing(timestamp, with: "TIMESTAMP")
        text = text.replacing(duration, with: "<dd>DURATION</dd>")
        text = text.replacing(jsonDuration) { match in "\"\(match.output.1)\": 0" }
        return Data(text.utf8)
    }

    /// Every regular file under `folder`, as paths relative to it, sorted.
    static func files(under folder: URL) throws -> [String] {
        let base = folder.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var found: [String] = []
        while let name = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isFolder), !isFolder.boolValue {
                found.append(name)
            }
        }
        return found.sorted()
    }

    /// Runs `run SampleData --now 2026-11-25 --max-reject-rate 1` plus `options` from the package root into a
    /// fresh store and returns the report folder's files (normalised) by relative path.
    func generate(in scratch: TemporaryFolder) throws -> (status: Int32, files: [String: Data]) {
        let run = try BinaryRun.run(
            [
                "run", "SampleData", "--now", "2026-11-25", "--max-reject-rate", "1", "--quiet",
                "--store", scratch.path + "/absher.sqlite", "--reports", scratch.path + "/reports",
            ] + options,
            in: BinaryRun.packageRoot)
        let report = URL(fileURLWithPath: scratch.path + "/reports/latest")
        var result: [String: Data] = [:]
        for name in try files ?? Self.files(under: report) {
            var bytes = try Data(contentsOf: report.appendingPathComponent(name))
            // summary.json names the store and the report by their paths, which are under the scratch folder.
            if name.hasSuffix(".json") {
                bytes = Data(String(decoding: bytes, as: UTF8.self).replacing(scratch.path, with: "SCRATCH").utf8)
            }
            result[name] = Self.normalised(bytes, name: name)
        }
        return (run.status, result)
    }

    /// The committed files of this variant, normalised too (they are committed normalised; this is a no-op then).
    func committed() throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try Self.files(under: folder) {
            result[name] = Self.normalised(try Data(contentsOf: folder.appendingPathComponent(name)), name: name)
        }
        return result
    }

    /// Replaces the committed files of this variant with `files`.
    func write(_ files: [String: Data]) throws {
        try? FileManager.default.removeItem(at: folder)
        for (name, bytes) in files {
            let file = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: file)
        }
    }
}
