import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// The inline SVG charts of `report.html`: findings per rule, changes per kind, and the trend of accepted and
/// rejected rows over the last runs.
///
/// SVG does not mirror with `dir="rtl"`, so the charts are drawn mirrored on the Arabic page (labels on the
/// right, bars growing leftwards, time running from right to left); the SVG itself is laid out left to right
/// (`direction="ltr"`) so that `text-anchor` means the same on both pages. Labels and tooltips are escaped.
extension HTMLReport {
    /// A horizontal bar chart, one bar per entry, each with its count.
    package func barChart(title: String, bars: [ChartBar]) -> String {
        let width = 640
        let rowHeight = 24
        let labelWidth = 240
        let plotWidth = width - labelWidth - 80
        let height = bars.count * rowHeight + 8
        let largest = max(1, bars.map(\.value).max() ?? 0)
        var svg = figureStart(title: title, width: width, height: height)
        for (index, bar) in bars.enumerated() {
            let top = 4 + index * rowHeight
            let length =
                bar.value == 0
                ? 0 : max(2, Int((Double(bar.value) / Double(largest) * Double(plotWidth)).rounded()))
            svg += "<g><title>\(e(bar.label)): \(Self.grouped(bar.value))</title>"
            svg += text(bar.label, x: labelWidth - 10, y: top + 17, anchor: "end", width: width)
            svg += rect(
                x: labelWidth, y: top + 4, width: length, height: rowHeight - 8, style: "bar \(bar.style)",
                in: width)
            svg += text(
                Self.grouped(bar.value), x: labelWidth + length + 6, y: top + 17, anchor: "start",
                width: width,
                style: "num")
            svg += "</g>\n"
        }
        return svg + figureEnd(title: title)
    }

    /// The trend section: accepted and rejected rows of the last `trendRunCount` runs (this one last), or a note
    /// when the store has no earlier run.
    package func trendSection() -> String {
        let title = t(
            "Accepted and rejected rows, last runs", "الصفوف المقبولة والمرفوضة في آخر التشغيلات")
        var html = "<section id=\"trend\">\n<h2>\(e(t("Trend", "الاتجاه")))</h2>\n"
        guard !outcome.history.isEmpty else {
            html +=
                "<p class=\"note\">\(e(t("No earlier runs in the store yet: the trend starts with the next run.", "لا توجد تشغيلات سابقة في قاعدة البيانات بعد: يبدأ الاتجاه من التشغيل التالي.")))</p>\n"
            return html + "</section>\n"
        }
        var points = outcome.history.suffix(max(0, trendRunCount - 1)).map(TrendPoint.init)
        points.append(
            TrendPoint(
                runID: outcome.runID, startedAt: Self.timestamp(outcome.startedAt),
                status: outcome.status.rawValue,
                accepted: outcome.rowsAccepted, rejected: outcome.rowsRejected))
        html += trendChart(points, title: title)
        return html + "</section>\n"
    }

    /// Two bands on a shared time axis, each with its own scale: rejected rows are a few percent of the accepted
    /// ones and would not show on one scale.
    private func trendChart(_ points: [TrendPoint], title: String) -> String {
        let width = 760
        let height = 290
        let plotStart = 130
        let plotEnd = width - 12
        let slot = Double(plotEnd - plotStart) / Double(points.count)
        let barWidth = max(3, min(28, Int(slot * 0.7)))
        let bands: [(label: String, top: Int, values: [Int], style: String)] = [
            (t("Accepted", "المقبولة"), 20, points.map(\.accepted), "ok"),
            (t("Rejected", "المرفوضة"), 146, points.map(\.rejected), "bad"),
        ]
        let bandHeight = 100
        var svg = figureStart(title: title, width: width, height: height)
        for band in bands {
            let largest = max(1, band.values.max() ?? 0)
            let bottom = band.top + bandHeight
            svg += text(
                band.label, x: plotStart - 12, y: band.top + 14, anchor: "end", width: width, style: "band")
            svg += text(
                t("max ", "الأعلى ") + Self.grouped(band.values.max() ?? 0), x: plotStart - 12,
                y: band.top + 32,
                anchor: "end", width: width, style: "num")
            svg += rect(
                x: plotStart, y: bottom, width: plotEnd - plotStart, height: 1, style: "axis", in: width)
            for (index, point) in points.enumerated() {
                let amount = band.values[index]
                let length =
                    amount == 0
                    ? 0 : max(2, Int((Double(amount) / Double(largest) * Double(bandHeight)).rounded()))
                let x = plotStart + Int(Double(index) * slot + (slot - Double(barWidth)) / 2)
                var style = "bar \(band.style)"
                if point.status == RunStatus.aborted.rawValue || point.status == RunStatus.failed.rawValue {
                    style += " stopped"
                }
                if point.isCurrent { style += " current" }
                svg += "<g><title>\(e(tooltip(point)))</title>"
                svg += rect(
                    x: x, y: bottom - length, width: barWidth, height: length, style: style, in: width)
                // An invisible full-height target, so that the tooltip shows over short bars too.
                svg += rect(x: x, y: band.top, width: barWidth, height: bandHeight, style: "hit", in: width)
                svg += "</g>\n"
            }
        }
        let axisY = height - 14
        if let first = points.first, points.count > 1 {
            svg += text(
                first.day, x: plotStart, y: axisY, anchor: "start", width: width, style: "axis-label")
        }
        svg += text(
            t("this run", "هذا التشغيل"), x: plotEnd, y: axisY, anchor: "end", width: width,
            style: "axis-label")
        svg += figureEnd(title: title)
        let legend = t(
            "Each bar is one run, oldest first; hover a bar for its run ID and counts. Grey bars: runs aborted or failed.",
            "كل عمود تشغيل واحد، الأقدم أولًا؛ مرّر المؤشر على العمود لرؤية رقم التشغيل والأعداد. الأعمدة الرمادية: تشغيلات أُلغيت أو فشلت."
        )
        return svg + "<p class=\"note\">\(e(legend))</p>\n"
    }

    private func tooltip(_ point: TrendPoint) -> String {
        let accepted = t("accepted", "المقبولة")
        let rejected = t("rejected", "المرفوضة")
        return
            "\(point.runID) · \(point.startedAt) · \(point.status) · \(accepted) \(Self.grouped(point.accepted)) · "
            + "\(rejected) \(Self.grouped(point.rejected))"
    }

    // MARK: - SVG pieces, mirrored on the Arabic page

    private func figureStart(title: String, width: Int, height: Int) -> String {
        "<figure class=\"chart\"><svg role=\"img\" direction=\"ltr\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\"><title>\(e(title))</title>\n"
    }

    private func figureEnd(title: String) -> String {
        "</svg><figcaption>\(e(title))</figcaption></figure>\n"
    }

    private func text(
        _ content: String, x: Int, y: Int, anchor: String, width: Int, style: String = ""
    ) -> String {
        let mirroredX = isArabic ? width - x : x
        let mirroredAnchor = isArabic ? (anchor == "start" ? "end" : "start") : anchor
        let styleAttribute = style.isEmpty ? "" : " class=\"\(style)\""
        return
            "<text x=\"\(mirroredX)\" y=\"\(y)\" text-anchor=\"\(mirroredAnchor)\"\(styleAttribute)>\(e(content))</text>"
    }

    private func rect(x: Int, y: Int, width: Int, height: Int, style: String, in chartWidth: Int)
        -> String
    {
        guard width > 0, height > 0 else { return "" }
        let mirroredX = isArabic ? chartWidth - x - width : x
        return
            "<rect x=\"\(mirroredX)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\" class=\"\(style)\"/>"
    }
}
