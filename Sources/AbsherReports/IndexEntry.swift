import Foundation

/// One run of `Reports/index.html`, as its folder's `summary.json` tells it.
package struct IndexEntry: Sendable, Equatable {
    /// The run folder's name inside the reports folder (what the link points at).
    package var folder: String
    package var runID: String
    package var startedAt: String
    package var command: String
    package var mode: String
    package var status: String
    package var exitCode: Int?
    package var rows: Int
    package var accepted: Int
    package var rejected: Int
    package var warnings: Int
    package var deactivated: Int
    /// The rules with the most findings, most first (ties by code), at most three.
    package var topRules: [RuleCount]
    /// Whether the folder holds a `report.html` to link to.
    package var hasReport: Bool

    /// A rule code and its number of findings.
    package struct RuleCount: Sendable, Equatable {
        package var code: String
        package var count: Int
    }

    /// Rejected rows over rows read; 0 when nothing was read.
    package var rejectRate: Double { RunOutcome.rate(rejected, of: rows) }

    /// Reads the object of a `summary.json`; nil when it is not one (no `run_id`, `status` or `totals`).
    package init?(folder: String, json: Any, hasReport: Bool) {
        guard let object = json as? [String: Any], let runID = object["run_id"] as? String,
            let status = object["status"] as? String, let totals = object["totals"] as? [String: Any]
        else { return nil }
        // A count that is not a whole number an Int holds exactly (1e300, 2.5, "7") counts as 0; never a trap.
        func int(_ value: Any?) -> Int { max(0, value as? Int ?? 0) }
        self.folder = folder
        self.runID = runID
        self.status = status
        startedAt = object["started_at"] as? String ?? ""
        command = object["command"] as? String ?? ""
        mode = object["mode"] as? String ?? ""
        exitCode = object["exit_code"] as? Int
        rows = int(totals["rows"])
        accepted = int(totals["accepted"])
        rejected = int(totals["rejected"])
        warnings = int(totals["warnings"])
        deactivated = int((object["changes"] as? [String: Any])?["deactivated"])
        let rules = (object["rules"] as? [String: Any] ?? [:]).map { RuleCount(code: $0.key, count: int($0.value)) }
        topRules = Array(rules.sorted { ($0.count, $1.code) > ($1.count, $0.code) }.prefix(3))
        self.hasReport = hasReport
    }

    /// Newest first: by start time, then by folder name (`…Z-2` after `…Z`).
    package static func newestFirst(_ left: IndexEntry, _ right: IndexEntry) -> Bool {
        (left.startedAt, left.folder) > (right.startedAt, right.folder)
    }
}
