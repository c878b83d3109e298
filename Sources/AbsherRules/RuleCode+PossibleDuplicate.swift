/// The message of `person.possible-duplicate` (contract §4b), in English and Arabic.
extension RuleCode {
    /// `otherKind` is `citizen` or `resident`; `reasons` as matches.csv lists them.
    public static func possibleDuplicateMessage(
        otherID: String, otherKind: String, inStore: Bool, score: String, reasons: String
    ) -> String {
        let whereFound = inStore ? " in the store" : ""
        return
            "Probably the same person as \(otherKind) \(otherID)\(whereFound) (score \(score); agreeing: \(reasons))."
    }

    /// The same message in Arabic.
    public static func possibleDuplicateMessageArabic(
        otherID: String, otherKind: String, inStore: Bool, score: String, reasons: String
    ) -> String {
        let kind = otherKind == "citizen" ? "المواطن" : "المقيم"
        let whereFound = inStore ? " في قاعدة البيانات" : ""
        return "على الأرجح الشخص نفسه \(kind) \(otherID)\(whereFound) (الدرجة \(score)؛ المتطابق: \(reasons))."
    }
}
