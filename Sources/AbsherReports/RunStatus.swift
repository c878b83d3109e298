import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// A run's status as `summary.json` and the `runs` table give it.
public enum RunStatus: String, Sendable, CaseIterable {
    case committed
    case aborted
    case dryRun = "dry-run"
    case failed
}
