/// `report.html`: one self-contained page (no network, inline CSS) a reviewer reads the next morning.
struct HTMLReport {
    let outcome: RunOutcome
    let maskPII: Bool
    let language: ReportLanguage
    /// Rows of the findings and changes tables; the rest are in the CSV files.
    var rowLimit = 1_000

    private var arabic: Bool { language == .arabic }

    private func t(_ english: String, _ arabicText: String) -> String { arabic ? arabicText : english }

    private func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    func render() -> String {
        var html = ""
        html.reserveCapacity(64 * 1024)
        let direction = arabic ? "rtl" : "ltr"
        html += "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\" dir=\"\(direction)\">\n<head>\n"
        html += "<meta charset=\"utf-8\">\n"
        html += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        html += "<title>\(e(t("absher-import report", "تقرير absher-import"))) \(e(outcome.runID))</title>\n"
        html += "<style>\(Self.css)</style>\n</head>\n<body>\n"
        html += "<h1>\(e(t("Import report", "تقرير الاستيراد")))</h1>\n"
        html += "<p class=\"meta\">\(e(t("Run", "التشغيل"))) <bdi>\(e(outcome.runID))</bdi> · "
        html += "\(e(t("command", "الأمر"))) <bdi>\(e(outcome.command.rawValue))</bdi> · "
        html += "\(e(t("run date", "تاريخ التشغيل"))) <bdi>\(e(outcome.runDate.description))</bdi> · "
        html += "\(e(t("status", "الحالة"))) <strong class=\"status-\(e(outcome.status.rawValue))\"><bdi>"
        html += "\(e(outcome.status.rawValue))</bdi></strong> · \(e(t("exit code", "رمز الخروج"))) "
        html += "<bdi>\(outcome.exitStatus.rawValue)</bdi></p>\n"
        if let failure = outcome.failure {
            let text = maskPII ? PIIMask.freeText(failure.description) : failure.description
            html += "<p class=\"failure\"><bdi>\(e(text))</bdi></p>\n"
        }
        html += totals()
        html += filesTable()
        html += rulesTable()
        html += changesTable()
        html += findingsTable()
        html += "</body>\n</html>\n"
        return html
    }

    private func totals() -> String {
        var html = "<h2>\(e(t("Totals", "الإجماليات")))</h2>\n<ul class=\"totals\">\n"
        for (label, value) in [
            (t("Rows read", "الصفوف المقروءة"), outcome.rowsRead),
            (t("Accepted", "المقبولة"), outcome.rowsAccepted),
            (t("Rejected", "المرفوضة"), outcome.rowsRejected),
            (t("Warnings", "التحذيرات"), outcome.warningCount),
        ] {
            html += "<li><span>\(e(label))</span> <b>\(value)</b></li>\n"
        }
        return html + "</ul>\n"
    }

    private func filesTable() -> String {
        var html = "<h2>\(e(t("Files", "الملفات")))</h2>\n<table>\n<tr>"
        for heading in [
            t("File", "الملف"), t("Kind", "النوع"), t("Rows", "الصفوف"), t("Accepted", "المقبولة"),
            t("Rejected", "المرفوضة"), t("Warnings", "التحذيرات"), "SHA-256",
        ] {
            html += "<th>\(e(heading))</th>"
        }
        html += "</tr>\n"
        for file in outcome.files {
            html += "<tr><td><bdi>\(e(file.input.name))</bdi></td><td>\(e(file.input.kind.rawValue))</td>"
            html += "<td class=\"n\">\(file.rows)</td><td class=\"n\">\(file.accepted)</td>"
            html += "<td class=\"n\">\(file.rejected)</td><td class=\"n\">\(file.warnings)</td>"
            html += "<td class=\"hash\">\(e(String(file.sha256.prefix(16))))…</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func rulesTable() -> String {
        let counts = outcome.ruleCounts
        var html = "<h2>\(e(t("Findings per rule", "الملاحظات حسب القاعدة")))</h2>\n"
        guard !counts.isEmpty else { return html + "<p>\(e(t("No findings.", "لا توجد ملاحظات.")))</p>\n" }
        html += "<table>\n<tr><th>\(e(t("Rule", "القاعدة")))</th><th>\(e(t("Severity", "الخطورة")))</th>"
        html += "<th>\(e(t("Count", "العدد")))</th><th>\(e(t("Description", "الوصف")))</th></tr>\n"
        for rule in counts.keys.sorted() {
            html += "<tr><td><code>\(e(rule.code))</code></td><td class=\"sev-\(rule.severity.rawValue)\">"
            html += "\(e(rule.severity.rawValue))</td><td class=\"n\">\(counts[rule]!)</td>"
            html += "<td dir=\"ltr\">\(e(rule.summary))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func changesTable() -> String {
        guard outcome.command == .run else { return "" }
        var html = "<h2>\(e(t("Changes", "التغييرات")))</h2>\n<ul class=\"totals\">\n"
        for kind in ChangeKind.allCases {
            html += "<li><span>\(e(kind.rawValue))</span> <b>\(outcome.changeCounts[kind] ?? 0)</b></li>\n"
        }
        html += "</ul>\n"
        guard !outcome.changes.isEmpty else { return html }
        html += "<table>\n<tr><th>\(e(t("Record", "السجل")))</th><th>\(e(t("Kind", "النوع")))</th>"
        html += "<th>\(e(t("Change", "التغيير")))</th><th>\(e(t("Field", "الحقل")))</th>"
        html += "<th>\(e(t("Old value", "القيمة السابقة")))</th><th>\(e(t("New value", "القيمة الجديدة")))</th></tr>\n"
        for change in outcome.changes.prefix(rowLimit) {
            html += "<tr><td><bdi>\(e(maskID(change.recordID)))</bdi></td><td>\(e(change.kind.rawValue))</td>"
            html += "<td>\(e(change.change.rawValue))</td><td>\(e(change.field))</td>"
            html += "<td><bdi>\(e(maskText(change.oldValue)))</bdi></td><td><bdi>\(e(maskText(change.newValue)))</bdi></td></tr>\n"
        }
        html += "</table>\n"
        if outcome.changes.count > rowLimit {
            html += "<p>\(outcome.changes.count - rowLimit) \(e(t("more in changes.csv", "أخرى في changes.csv")))</p>\n"
        }
        return html
    }

    private func findingsTable() -> String {
        var html = "<h2>\(e(t("Rejected rows and warnings", "الصفوف المرفوضة والتحذيرات")))</h2>\n"
        guard !outcome.findings.isEmpty else { return html + "<p>\(e(t("None.", "لا شيء.")))</p>\n" }
        html += "<table>\n<tr>"
        for heading in [
            t("File", "الملف"), t("Line", "السطر"), t("Record", "السجل"), t("Field", "الحقل"), t("Rule", "القاعدة"),
            t("Message", "الرسالة"), t("Value", "القيمة"),
        ] {
            html += "<th>\(e(heading))</th>"
        }
        html += "</tr>\n"
        for finding in outcome.findings.prefix(rowLimit) {
            html += "<tr class=\"sev-\(finding.severity.rawValue)\"><td><bdi>\(e(finding.file))</bdi></td>"
            html += "<td class=\"n\">\(finding.line.map(String.init) ?? "")</td>"
            html += "<td><bdi>\(e(maskID(finding.recordID)))</bdi></td><td>\(e(finding.field))</td>"
            html += "<td><code>\(e(finding.rule.code))</code></td><td><bdi>\(e(maskText(finding.message)))</bdi></td>"
            html += "<td><bdi>\(e(maskText(finding.value)))</bdi></td></tr>\n"
        }
        html += "</table>\n"
        if outcome.findings.count > rowLimit {
            html += "<p>\(outcome.findings.count - rowLimit) \(e(t("more in rejects.csv", "أخرى في rejects.csv")))</p>\n"
        }
        return html
    }

    private func maskID(_ id: String) -> String { maskPII && !id.isEmpty ? PIIMask.id(id) : id }
    private func maskText(_ text: String) -> String { maskPII ? PIIMask.freeText(text) : text }

    static let css = """
        body{font-family:"Noto Sans","Noto Naskh Arabic","DejaVu Sans",sans-serif;margin:2em;color:#1b1b1b;\
        background:#fff;line-height:1.45}
        h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
        .meta{color:#555}.failure{background:#fde8e8;border:1px solid #d33;padding:.6em}
        table{border-collapse:collapse;margin:.5em 0;font-size:.9em}th,td{border:1px solid #ccc;padding:.25em .5em;\
        text-align:start;vertical-align:top}th{background:#f2f4f7}td.n{text-align:end;font-variant-numeric:tabular-nums}
        .hash,code{font-family:"DejaVu Sans Mono",monospace;font-size:.9em}
        tr.sev-error td:first-child,td.sev-error{border-inline-start:4px solid #c62828}
        tr.sev-warning td:first-child,td.sev-warning{border-inline-start:4px solid #f9a825}
        .totals{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1em}\
        .totals li{border:1px solid #ccc;padding:.4em .8em;border-radius:4px}
        .status-committed{color:#2e7d32}.status-aborted,.status-failed{color:#c62828}
        """
}
