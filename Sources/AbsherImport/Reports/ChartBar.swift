/// One bar of a horizontal bar chart in `report.html`.
struct ChartBar {
    /// The text beside the bar (escaped when drawn).
    var label: String
    var value: Int
    /// A CSS class that colours the bar (`error`, `warning`, `change`).
    var style: String
}
