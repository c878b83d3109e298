import AbsherRules
import AbsherScan

/// The pair view of contract §4b: each pair of records that are probably one person side by side (names,
/// birth dates in both calendars, mobiles), with the score and the reasons. Shown only when there are pairs.
extension HTMLReport {
    /// At most this many pairs on the page; matches.csv has them all.
    package static let pairLimit = 100

    func matchesSection() -> String {
        guard !outcome.matches.isEmpty || outcome.matchBlocksSkipped > 0 else { return "" }
        var html = "<section id=\"matches\">\n<h2>\(e(t("One person under two IDs", "شخص واحد برقمين")))</h2>\n"
        if outcome.matchBlocksSkipped > 0 {
            let count = Self.grouped(outcome.matchBlocksSkipped)
            html += note(
                t(
                    "Groups too large to compare (more than \(PersonMatch.blockLimit) people who share a birth day and "
                        + "the initials of a name, or a mobile): \(count). Pairs among their people are not reported.",
                    "مجموعات أكبر من أن تُقارن (أكثر من \(PersonMatch.blockLimit) شخصًا يشتركون في تاريخ الميلاد والحروف "
                        + "الأولى من الاسم، أو في رقم جوال): \(count). لا تُذكر الأزواج بين أفرادها."))
        }
        guard !outcome.matches.isEmpty else { return html + "</section>\n" }
        html += note(
            t(
                "Pairs of records with different IDs that are probably one person. Nothing was merged or rejected "
                    + "because of them; a pair that is two people is dismissed with absher-import matches dismiss ID ID.",
                "أزواج من السجلات بأرقام مختلفة هي على الأرجح لشخص واحد. لم يُدمج أو يُرفض شيء بسببها؛ "
                    + "ويُستبعد الزوج الذي يخص شخصين بالأمر absher-import matches dismiss ID ID."))
        html += tableStart([
            (t("Score", "الدرجة"), "n"), (t("Agreeing", "المتطابق"), ""),
            (t("This run's record", "سجل هذا التشغيل"), ""),
            (t("Other record", "السجل الآخر"), ""),
        ])
        for match in outcome.matches.prefix(Self.pairLimit) {
            html += "<tr><td class=\"n\">\(ltrValue(match.scoreText))</td>"
            html += "<td><code>\(e(match.reasons.joined(separator: ", ")))</code></td>"
            html += "<td class=\"pair\">\(side(match.record))</td><td class=\"pair\">\(side(match.other))</td></tr>\n"
        }
        html += tableEnd()
        html += moreNote(
            shown: min(Self.pairLimit, outcome.matches.count), total: outcome.matches.count, file: "matches.csv")
        return html + "</section>\n"
    }

    /// One record of a pair: ID and kind, both names, the birth date (Gregorian and Hijri), the mobile.
    private func side(_ side: PersonMatch.Side) -> String {
        var lines: [String] = []
        let whereFrom = side.fromStore ? t(" (in the store)", " (في قاعدة البيانات)") : ""
        lines.append("<span class=\"mono\">\(ltrValue(maskID(side.id)))</span> \(e(label(side.kind) + whereFrom))")
        if let name = side.nameAr { lines.append("<span dir=\"rtl\">\(value(name))</span>") }
        if let name = side.nameEn { lines.append("<span dir=\"ltr\">\(value(name))</span>") }
        var birth = ltrValue(side.birthDate)
        if let date = GregorianDate(iso: side.birthDate),
            let hijri = UmmAlQuraTable.hijri(daysSince1970: date.daysSince1970)
        {
            func two(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
            let text = "\(hijri.year)-\(two(hijri.month))-\(two(hijri.day))"
            birth += " · " + ltrValue(text) + " " + e(t("AH", "هـ"))
        }
        lines.append("\(e(t("Born", "الميلاد"))) \(birth)")
        if let mobile = side.mobile { lines.append(ltrValue(maskValue(mobile, field: "mobile"))) }
        return lines.map { "<div>\($0)</div>" }.joined()
    }
}
