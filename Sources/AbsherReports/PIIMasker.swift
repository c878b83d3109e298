import AbsherReading
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport

/// Applies `--mask-pii` to report cells and message arguments by what they hold (contract §6.10): every cell of
/// an ID, mobile or e-mail column, valid or not, and every ID, mobile or e-mail argument of a message, masked
/// by its kind; dates, counts and limits never.
package struct PIIMasker: Sendable {
    package var enabled: Bool

    package init(enabled: Bool) {
        self.enabled = enabled
    }

    package func id(_ id: String) -> String { enabled && !id.isEmpty ? PIIMask.id(id) : id }

    /// Text that is not a finding's message (a failure's reason): digit groups and e-mail shapes.
    package func text(_ text: String) -> String { enabled ? PIIMask.freeText(text) : text }

    /// A value of the named column or field, by the column: IDs, mobiles and e-mails by their kind whatever
    /// they hold, dates never, other columns' values (names, usernames) for digit groups and e-mail shapes.
    package func value(_ value: String, field: String) -> String {
        guard enabled, !value.isEmpty else { return value }
        switch Column(rawValue: field) {
        case .mobile: return PIIMask.mobile(value)
        case .email: return PIIMask.email(value)
        case .nationalID, .iqamaNumber, .sponsorID: return PIIMask.id(value)
        case .birthDate, .idExpiry, .iqamaExpiry: return value
        default: return PIIMask.freeText(value)
        }
    }

    /// A message argument's text, masked by the argument's kind.
    package func argument(_ argument: MessageArgument, _ text: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        switch argument {
        case .id: return PIIMask.id(text)
        case .mobile: return PIIMask.mobile(text)
        case .email: return PIIMask.email(text)
        default: return text
        }
    }
}
