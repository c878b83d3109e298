import AbsherRules
import AbsherSchema
import AbsherStore
import Foundation

/// The trend of `report.html`: is it getting worse? One row of bars per series over the last `trendRunCount`
/// runs (this one last): accepted, rejected, warnings, deactivated, and the five rules with the most findings
/// over those runs. Every bar carries its value and every run its start date, so nothing needs a pointer; the
/// same values are in a table for screen readers (and for copying).
///
/// Each row has its own scale (rejected rows are a few percent of the accepted ones). On the Arabic page the
/// chart is mirrored like the others: names on the right, time running from right to left.
extension HTMLReport {
    /// The rules a trend draws, most frequent first.
    package static let trendRuleCount = 5

    /// The trend section, or a note when the store has no earlier run.
    package func trendSection() -> String {
        var html = "<section id=\"trend\">\n<h2>\(e(t("Trend", "الاتجاه")))</h2>\n"
        guard !outcome.history.isEmpty else {
            html +=
                "<p class=\"note\">\(e(t("No earlier runs in the store yet: the trend starts with the next run.", "لا توجد تشغيلات سابقة في قاعدة البيانات بعد: يبدأ الاتجاه من التشغيل التالي.")))</p>\n"
            return html + "</section>\n"
        }
        let points = trendPoints()
        let series = trendSeries(points)
        let title = ReportLabel.trendTitle.text(language, Self.grouped(points.count))
        html += trendChart(points, series: series, title: title)
        html += "<p class=\"note\">\(e(ReportLabel.trendLegend.text(language)))</p>\n"
        html += trendTable(points, series: series)
        return html + "</section>\n"
    }

    /// The earlier runs and this one, oldest first.
    package func trendPoints() -> [TrendPoint] {
        var points = outcome.history.suffix(max(0, trendRunCount - 1)).map(TrendPoint.init)
        let iso = Self.timestamp(outcome.startedAt)
        points.append(TrendPoint(current: outcome, startedAt: iso.replacingSpaceWithT))
        return points
    }

    /// Accepted, rejected, warnings, deactivated (for `run`), then the most frequent rules over `points`.
    package func trendSeries(_ points: [TrendPoint]) -> [TrendSeries] {
        var series = [
            TrendSeries(name: ReportLabel.seriesAccepted.text(language), values: points.map(\.accepted), style: "ok"),
            TrendSeries(name: ReportLabel.seriesRejected.text(language), values: points.map(\.rejected), style: "bad"),
            TrendSeries(
                name: ReportLabel.seriesWarnings.text(language), values: points.map(\.warnings), style: "warn"),
        ]
        if outcome.command == .run {
            series.append(
                TrendSeries(
                    name: ReportLabel.seriesDeactivated.text(language), values: points.map(\.deactivated),
                    style: "change"))
        }
        var totals: [String: Int] = [:]
        for point in points { for (code, count) in point.rules { totals[code, default: 0] += count } }
        let top = totals.keys.sorted { (totals[$0]!, $1) > (totals[$1]!, $0) }.prefix(Self.trendRuleCount)
        for code in top {
            let severity = RuleCode(rawValue: code)?.severity.rawValue ?? "warning"
            series.append(TrendSeries(name: code, values: points.map { $0.rules[code] ?? 0 }, style: severity))
        }
        return series
    }

    /// The rows of bars, the dates under them and the axis title.
    private func trendChart(_ points: [TrendPoint], series: [TrendSeries], title: String) -> String {
        let labelWidth = 220
        let slot = max(14, min(28, 700 / points.count))
        let barWidth = max(8, slot * 7 / 10)
        let width = max(620, labelWidth + slot * points.count + 16)
        let barHeight = 36
        let dateHeight = 74
        let bands = series.map { band in
            let longest = band.values.map { Self.grouped($0).count }.max() ?? 1
            return max(56, 14 + longest * 6 + barHeight)
        }
        let height = bands.reduce(0, +) + dateHeight + 24
        var svg = figureStart(title: title, width: width, height: height)
        var top = 0
        for (band, rowHeight) in zip(series, bands) {
            svg += trendBand(
                band, points: points, top: top, height: rowHeight, slot: slot, barWidth: barWidth,
                labelWidth: labelWidth, width: width)
            top += rowHeight
        }
        for (index, point) in points.enumerated() {
            let center = labelWidth + index * slot + slot / 2
            svg += rotatedText(
                point.day, x: center, y: top + 6, anchor: "end", width: width,
                style: point.isCurrent ? "axis-label current" : "axis-label")
        }
        svg += text(
            ReportLabel.trendAxisRuns.text(language), x: labelWidth, y: top + dateHeight + 14, anchor: "start",
            width: width, style: "axis-title")
        return svg + figureEnd(title: title)
    }

    /// One series: its name, this run's and the previous run's values, and a bar per run with its value.
    private func trendBand(
        _ band: TrendSeries, points: [TrendPoint], top: Int, height: Int, slot: Int, barWidth: Int, labelWidth: Int,
        width: Int
    ) -> String {
        let baseline = top + height - 6
        let largest = max(1, band.values.max() ?? 0)
        var svg = "<g>"
        svg += text(band.name, x: labelWidth - 14, y: top + 18, anchor: "end", width: width, style: "band")
        let current = band.values.last ?? 0
        svg += text(
            ReportLabel.trendThisRun.text(language, Self.grouped(current)), x: labelWidth - 14, y: top + 33,
            anchor: "end", width: width, style: "num")
        let previous =
            band.values.count > 1
            ? ReportLabel.trendPrevious.text(
                language, Self.grouped(band.values[band.values.count - 2]),
                difference(current - band.values[band.values.count - 2]))
            : ReportLabel.trendNoPrevious.text(language)
        svg += text(previous, x: labelWidth - 14, y: top + 47, anchor: "end", width: width, style: "num")
        svg += rect(
            x: labelWidth, y: baseline, width: slot * points.count, height: 1, style: "axis", in: width)
        for (index, point) in points.enumerated() {
            let amount = band.values[index]
            let length =
                amount == 0 ? 0 : max(2, Int((Double(amount) / Double(largest) * Double(36)).rounded()))
            let x = labelWidth + index * slot + (slot - barWidth) / 2
            var style = "bar \(band.style)"
            if point.isStopped { style += " stopped" }
            if point.isCurrent { style += " current" }
            svg += rect(x: x, y: baseline - length, width: barWidth, height: length, style: style, in: width)
            svg += rotatedText(
                Self.grouped(amount), x: x + barWidth / 2, y: baseline - length - 3, anchor: "start", width: width,
                style: "value")
        }
        return svg + "</g>\n"
    }

    /// The values of the chart as a table, newest run first, folded under a summary line.
    private func trendTable(_ points: [TrendPoint], series: [TrendSeries]) -> String {
        var html = "<details class=\"values\"><summary>\(e(ReportLabel.trendTable.text(language)))</summary>\n"
        html += "<div class=\"scroll\"><table>\n<thead><tr>"
        html += "<th>\(e(ReportLabel.columnRun.text(language)))</th>"
        html += "<th>\(e(ReportLabel.columnStarted.text(language)))</th>"
        html += "<th>\(e(ReportLabel.columnStatus.text(language)))</th>"
        for band in series { html += "<th class=\"n\">\(value(band.name))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for index in points.indices.reversed() {
            let point = points[index]
            html += "<tr><td class=\"mono\">\(ltrValue(point.runID))</td>"
            html += "<td>\(ltrValue(point.startedAt.replacingTWithSpace))</td>"
            html += "<td>\(e(RunStatus(rawValue: point.status).map(label) ?? point.status))</td>"
            for band in series { html += "<td class=\"n\">\(Self.grouped(band.values[index]))</td>" }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</details>\n"
    }

    /// `5 more`, `3 fewer`, `no change`: in words, which read the same in both directions (a sign would move
    /// to the wrong side of its number in an Arabic line of SVG text, which has no bidi isolation).
    package func difference(_ number: Int) -> String {
        if number > 0 { return ReportLabel.trendMore.text(language, Self.grouped(number)) }
        if number < 0 { return ReportLabel.trendFewer.text(language, Self.grouped(-number)) }
        return ReportLabel.trendSame.text(language)
    }
}

extension String {
    /// `2026-11-25 03:00:12 UTC` as `2026-11-25T03:00:12Z`.
    fileprivate var replacingSpaceWithT: String {
        guard hasSuffix(" UTC") else { return self }
        return String(dropLast(4)).replacingOccurrences(of: " ", with: "T") + "Z"
    }

    /// `2026-11-25T03:00:12Z` as `2026-11-25 03:00:12 UTC`, as the header shows times.
    fileprivate var replacingTWithSpace: String {
        guard hasSuffix("Z") else { return self }
        var text = String(dropLast())
        if let dot = text.firstIndex(of: ".") { text = String(text[..<dot]) }
        return text.replacingOccurrences(of: "T", with: " ") + " UTC"
    }
}
