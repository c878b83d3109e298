import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// The inline SVG charts of `report.html`: findings per rule and changes per kind (the trend is in
/// `HTMLReport+Trend.swift`), and the SVG pieces both draw with.
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

    // MARK: - SVG pieces, mirrored on the Arabic page

    func figureStart(title: String, width: Int, height: Int) -> String {
        "<figure class=\"chart\"><svg role=\"img\" direction=\"ltr\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\"><title>\(e(title))</title>\n"
    }

    func figureEnd(title: String) -> String {
        "</svg><figcaption>\(e(title))</figcaption></figure>\n"
    }

    /// `markup`, already escaped, follows the escaped `content` inside the element (a `tspan`).
    func text(
        _ content: String, x: Int, y: Int, anchor: String, width: Int, style: String = "", markup: String = ""
    ) -> String {
        let mirroredX = isArabic ? width - x : x
        let styleAttribute = style.isEmpty ? "" : " class=\"\(style)\""
        // Arabic text is laid out right to left (so that "هذا التشغيل: 164" ends with its number), which flips
        // what start and end mean once more: the anchor as drawn for the English page is the right one.
        if isArabic && Self.holdsArabic(content) {
            return "<text x=\"\(mirroredX)\" y=\"\(y)\" text-anchor=\"\(anchor)\" direction=\"rtl\"\(styleAttribute)>"
                + "\(e(content))\(markup)</text>"
        }
        let mirroredAnchor = isArabic ? (anchor == "start" ? "end" : "start") : anchor
        return
            "<text x=\"\(mirroredX)\" y=\"\(y)\" text-anchor=\"\(mirroredAnchor)\"\(styleAttribute)>\(e(content))\(markup)</text>"
    }

    /// Whether `text` holds a letter of the Arabic block.
    static func holdsArabic(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
    }

    func rect(x: Int, y: Int, width: Int, height: Int, style: String, in chartWidth: Int)
        -> String
    {
        guard width > 0, height > 0 else { return "" }
        let mirroredX = isArabic ? chartWidth - x - width : x
        return
            "<rect x=\"\(mirroredX)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\" class=\"\(style)\"/>"
    }

    /// Text turned a quarter left (reading upwards) around (`x`, `y`); `anchor` `start` puts its first letter
    /// at that point, `end` its last. Only the position is mirrored on the Arabic page: the text still reads up.
    func rotatedText(_ content: String, x: Int, y: Int, anchor: String, width: Int, style: String) -> String {
        let mirroredX = isArabic ? width - x : x
        return "<text x=\"\(mirroredX)\" y=\"\(y)\" text-anchor=\"\(anchor)\" dominant-baseline=\"central\" "
            + "transform=\"rotate(-90 \(mirroredX) \(y))\" class=\"\(style)\">\(e(content))</text>"
    }
}
