import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

extension RunOutcome {
    /// The object `summary.json` holds, as it is written there: what `run --json` and `validate --json` print.
    public func summaryJSON(options: RunOptions) -> String {
        ReportWriter(outcome: self, options: options.reportSettings).summaryJSON(reportPath: reportPath).serialized()
    }
}
