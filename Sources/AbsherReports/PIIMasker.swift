import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// Applies `--mask-pii` to report cells by what they hold (contract §6.10).
package struct PIIMasker: Sendable {
    package var enabled: Bool

    package init(enabled: Bool) {
        self.enabled = enabled
    }

    package func id(_ id: String) -> String { enabled && !id.isEmpty ? PIIMask.id(id) : id }

    package func text(_ text: String) -> String { enabled ? PIIMask.freeText(text) : text }

    /// A value of the named column or field.
    package func value(_ value: String, field: String) -> String {
        guard enabled, !value.isEmpty else { return value }
        switch field {
        case Column.mobile.rawValue: return PIIMask.mobile(value)
        case Column.email.rawValue: return value.contains("@") ? PIIMask.email(value) : PIIMask.freeText(value)
        case Column.nationalID.rawValue, Column.iqamaNumber.rawValue, Column.sponsorID.rawValue:
            return PIIMask.id(value)
        default: return PIIMask.freeText(value)
        }
    }
}
