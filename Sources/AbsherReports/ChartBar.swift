import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// One bar of a horizontal bar chart in `report.html`.
package struct ChartBar {
    /// The text beside the bar (escaped when drawn).
    package var label: String
    package var value: Int
    /// A CSS class that colours the bar (`error`, `warning`, `change`).
    package var style: String
}
