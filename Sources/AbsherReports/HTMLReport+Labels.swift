import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// The words `report.html` shows for the run's enumerations and rules, in the page's language.
///
/// The English page shows the codes that `rejects.csv`, `changes.csv` and `summary.json` use; the Arabic page
/// translates them (rule codes stay as they are: they are what a reviewer searches the CSV files for).
extension HTMLReport {
    package func label(_ status: RunStatus) -> String { Self.label(status, language) }

    package func label(_ command: RunCommand) -> String { Self.label(command, language) }

    package func label(_ mode: RunMode) -> String { Self.label(mode, language) }

    /// A run's status in `language` (also for `index.html`).
    package static func label(_ status: RunStatus, _ language: ReportLanguage) -> String {
        guard language == .arabic else { return status.rawValue }
        switch status {
        case .committed: return "حُفظ"
        case .aborted: return "أُلغي"
        case .dryRun: return "تجربة دون حفظ"
        case .failed: return "فشل"
        }
    }

    package static func label(_ command: RunCommand, _ language: ReportLanguage) -> String {
        guard language == .arabic else { return command.rawValue }
        switch command {
        case .run: return "تشغيل ودمج"
        case .validate: return "تحقق فقط"
        }
    }

    package static func label(_ mode: RunMode, _ language: ReportLanguage) -> String {
        guard language == .arabic else { return mode.rawValue }
        switch mode {
        case .snapshot: return "لقطة كاملة"
        case .delta: return "تغييرات فقط"
        }
    }

    package func label(_ kind: RecordKind) -> String {
        guard isArabic else { return kind.rawValue }
        switch kind {
        case .citizen: return "مواطن"
        case .resident: return "مقيم"
        case .sponsor: return "كفيل"
        }
    }

    package func label(_ severity: Severity) -> String {
        guard isArabic else { return severity.rawValue }
        switch severity {
        case .error: return "خطأ"
        case .warning: return "تحذير"
        }
    }

    package func label(_ change: ChangeKind) -> String {
        guard isArabic else { return change.rawValue }
        switch change {
        case .new: return "جديد"
        case .updated: return "محدَّث"
        case .unchanged: return "دون تغيير"
        case .missing: return "غائب وبقي نشطًا"
        case .deactivated: return "عُطِّل"
        case .reactivated: return "أُعيد تنشيطه"
        case .sponsorTransfer: return "نقل كفالة"
        case .documentRenewed: return "تجديد وثيقة"
        case .recoveryContactChanged: return "تغيّر جوال الاسترداد"
        }
    }
}
