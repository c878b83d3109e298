import AbsherRules
import AbsherSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `Reports/index.html` (contract §6.8): every run folder in the reports folder, from its `summary.json`,
/// newest first, each linking to its `report.html`.
///
/// Rewritten after each run, whole or not at all: written aside as `.index.<run-id>.tmp`, synced, then renamed
/// over `index.html`. A folder without a readable `summary.json` (a run killed before its report, a file
/// edited by hand, one too large) is left out with a note saying why; nothing in the folder can make it fail
/// but the writing itself.
package struct ReportIndex {
    /// The reports folder (`--reports`).
    package let parent: String
    package let language: ReportLanguage
    /// The largest `summary.json` read (a summary is a few kilobytes).
    package static let summaryLimit = 1 << 20

    /// A folder left out of the list, and why.
    package struct Skipped: Sendable, Equatable {
        package var folder: String
        package var reason: ReportLabel
    }

    package init(parent: String, language: ReportLanguage) {
        self.parent = parent
        self.language = language
    }

    /// The run folders' entries, newest first, and the folders left out, by name.
    package func read() -> (entries: [IndexEntry], skipped: [Skipped]) {
        var entries: [IndexEntry] = []
        var skipped: [Skipped] = []
        for name in FileSystem.entries(of: parent).sorted() where !name.hasPrefix(".") && name != "latest" {
            let folder = parent + "/" + name
            guard FileSystem.entryType(at: folder) == S_IFDIR else { continue }
            let summary = folder + "/summary.json"
            guard FileSystem.entryType(at: summary) == S_IFREG else {
                skipped.append(Skipped(folder: name, reason: .indexNoSummary))
                continue
            }
            var info = stat()
            guard lstat(summary, &info) == 0, Int(info.st_size) <= Self.summaryLimit else {
                skipped.append(Skipped(folder: name, reason: .indexTooLarge))
                continue
            }
            guard let data = FileManager.default.contents(atPath: summary),
                let json = try? JSONSerialization.jsonObject(with: data)
            else {
                skipped.append(Skipped(folder: name, reason: .indexUnreadableSummary))
                continue
            }
            let hasReport = FileSystem.entryType(at: folder + "/report.html") == S_IFREG
            guard let entry = IndexEntry(folder: name, json: json, hasReport: hasReport) else {
                skipped.append(Skipped(folder: name, reason: .indexNotASummary))
                continue
            }
            entries.append(entry)
        }
        return (entries.sorted(by: IndexEntry.newestFirst), skipped)
    }

    /// Reads the folder and replaces `index.html` with its list; `runID` names the temporary file.
    package func write(runID: String) throws(FileSystemError) {
        let (entries, skipped) = read()
        let html = IndexPage(entries: entries, skipped: skipped, language: language).render()
        let temporary = parent + "/.index." + runID + ".tmp"
        _ = unlink(temporary)
        do {
            let file = try OutputFile(path: temporary)
            try file.write(html)
            try file.close()
        } catch {
            _ = unlink(temporary)
            throw error
        }
        guard rename(temporary, parent + "/index.html") == 0 else {
            let number = errno
            _ = unlink(temporary)
            throw .cannotWrite(path: parent + "/index.html", errno: number)
        }
        try FileSystem.syncFolder(parent)
    }
}
