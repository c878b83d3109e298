import AbsherRules
import AbsherSchema
import Foundation

/// The page of `Reports/index.html`: one self-contained page like `report.html` (inline CSS, no script, a
/// Content-Security-Policy that loads nothing), in the language of the run that wrote it, right to left in
/// Arabic. Every value read from a `summary.json` is HTML-escaped; the only attribute made from one is a link
/// to a run folder, whose name is percent-encoded as well, so that no folder name can become markup or a
/// `javascript:` link.
package struct IndexPage {
    package let entries: [IndexEntry]
    package let skipped: [ReportIndex.Skipped]
    package let language: ReportLanguage

    package init(entries: [IndexEntry], skipped: [ReportIndex.Skipped], language: ReportLanguage) {
        self.entries = entries
        self.skipped = skipped
        self.language = language
    }

    private var isArabic: Bool { language == .arabic }
    private func e(_ text: String) -> String { HTMLEscaping.escape(text) }
    private func ltr(_ text: String) -> String { text.isEmpty ? "" : "<bdi dir=\"ltr\">\(e(text))</bdi>" }

    package func render() -> String {
        var html =
            "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\" dir=\"\(isArabic ? "rtl" : "ltr")\">\n<head>\n"
        html += "<meta charset=\"utf-8\">\n"
        html +=
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(e(ReportLabel.indexTitle.text(language)))</title>\n"
        html += "<style>\n\(HTMLReport.css)\(Self.css)</style>\n</head>\n<body>\n"
        html += "<header>\n<h1>\(e(ReportLabel.indexTitle.text(language)))</h1>\n"
        let intro =
            entries.isEmpty
            ? ReportLabel.indexEmpty.text(language)
            : ReportLabel.indexIntro.text(language, HTMLReport.grouped(entries.count))
        html += "<p class=\"note\">\(e(intro))</p>\n</header>\n"
        if !entries.isEmpty { html += "<section id=\"runs\">\n" + table() + "</section>\n" }
        html += skippedNote()
        html += "<footer class=\"note\">\(e(ReportLabel.indexFooter.text(language)))</footer>\n"
        return html + "</body>\n</html>\n"
    }

    private func table() -> String {
        let headings: [(ReportLabel, String)] = [
            (.columnRun, ""), (.columnStarted, ""), (.columnCommand, ""), (.columnStatus, ""),
            (.columnExitCode, "n"), (.columnRows, "n"), (.columnAccepted, "n"), (.columnRejected, "n"),
            (.columnRejectRate, "n"), (.columnWarnings, "n"), (.columnDeactivated, "n"), (.columnTopRules, ""),
        ]
        var html = "<div class=\"scroll\"><table>\n<thead><tr>"
        for (heading, style) in headings {
            html += style.isEmpty ? "<th>" : "<th class=\"\(style)\">"
            html += "\(e(heading.text(language)))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for entry in entries { html += row(entry) }
        return html + "</tbody>\n</table></div>\n"
    }

    private func row(_ entry: IndexEntry) -> String {
        let stopped = entry.status == RunStatus.aborted.rawValue || entry.status == RunStatus.failed.rawValue
        var html = stopped ? "<tr class=\"stopped\">" : "<tr>"
        let name = "<bdi dir=\"ltr\" class=\"mono\">\(e(entry.folder))</bdi>"
        html +=
            entry.hasReport
            ? "<td class=\"run\"><a href=\"./\(e(Self.percentEncoded(entry.folder)))/report.html\">\(name)</a></td>"
            : "<td class=\"run\">\(name) <small class=\"note\">(\(e(ReportLabel.indexNoReport.text(language))))</small></td>"
        html += "<td class=\"time\">\(ltr(Self.readableTime(entry.startedAt)))</td>"
        let command = RunCommand(rawValue: entry.command).map { HTMLReport.label($0, language) } ?? entry.command
        let mode = RunMode(rawValue: entry.mode).map { HTMLReport.label($0, language) } ?? entry.mode
        html += "<td>\(e(command))<br><small class=\"note\">\(e(mode))</small></td>"
        let status = RunStatus(rawValue: entry.status).map { HTMLReport.label($0, language) } ?? entry.status
        html += "<td><span class=\"status status-\(e(Self.percentEncoded(entry.status)))\">\(e(status))</span></td>"
        html += "<td class=\"n\">\(entry.exitCode.map(String.init) ?? "—")</td>"
        for number in [entry.rows, entry.accepted, entry.rejected] {
            html += "<td class=\"n\">\(HTMLReport.grouped(number))</td>"
        }
        let rate = entry.rows > 0 ? HTMLReport.percent(entry.rejected, of: entry.rows) : "—"
        html += "<td class=\"n\">\(ltr(rate))</td>"
        html += "<td class=\"n\">\(HTMLReport.grouped(entry.warnings))</td>"
        html += "<td class=\"n\">\(HTMLReport.grouped(entry.deactivated))</td>"
        let rules = entry.topRules.map {
            "<span class=\"rule\"><code>\(e($0.code))</code> \(HTMLReport.grouped($0.count))</span>"
        }
        html += "<td class=\"rules\">\(rules.joined(separator: "<br>"))</td>"
        return html + "</tr>\n"
    }

    private func skippedNote() -> String {
        guard !skipped.isEmpty else { return "" }
        var html = "<section id=\"skipped\">\n<p class=\"note\">\(e(ReportLabel.indexSkipped.text(language)))</p>\n<ul>"
        for folder in skipped {
            html +=
                "<li><bdi dir=\"ltr\" class=\"mono\">\(e(folder.folder))</bdi>: \(e(folder.reason.text(language)))</li>"
        }
        return html + "</ul>\n</section>\n"
    }

    /// `2026-11-25T03:00:12.345Z` as `2026-11-25 03:00:12`; anything else as it is.
    static func readableTime(_ iso: String) -> String {
        guard iso.count >= 19, iso.dropFirst(10).first == "T" else { return iso }
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(8))
    }

    /// Every byte but ASCII letters, digits, `-`, `_` and `.` as `%XX`, so that the link stays inside the
    /// reports folder and is never read as a scheme (`javascript:`), a query or markup. `.` and `..` alone
    /// are encoded too.
    static func percentEncoded(_ name: String) -> String {
        if name == "." || name == ".." { return name.utf8.map { String(format: "%%%02X", $0) }.joined() }
        var out = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                out.append(Character(Unicode.Scalar(byte)))
            default: out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    static let css = """
        #runs table{font-size:.85em}#runs th,#runs td{padding:4px 8px}#runs td .status{font-size:.9em}
        tr.stopped td{background:#fff5f5}td.rules .rule{white-space:nowrap}td.rules code{font-size:.9em}
        td.run{white-space:nowrap}td small.note{font-size:.9em}
        header .note{margin:.2em 0 1em}#skipped ul{margin:.2em 0;padding-inline-start:1.4em}
        a bdi{color:#0969da}

        """
}
