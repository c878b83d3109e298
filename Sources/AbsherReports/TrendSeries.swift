/// One row of the trend chart: a name, its values run by run (oldest first) and the CSS class of its bars.
package struct TrendSeries {
    package var name: String
    package var values: [Int]
    /// `ok`, `bad`, `warn`, `change`, or a severity (`error`, `warning`) for a rule.
    package var style: String

    package init(name: String, values: [Int], style: String) {
        self.name = name
        self.values = values
        self.style = style
    }
}
