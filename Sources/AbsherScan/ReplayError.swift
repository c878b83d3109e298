import AbsherReading
import AbsherRules
import AbsherSchema
import AbsherSupport
import Foundation

/// The file changed between the two passes of a run.
public enum ReplayError: Error, Sendable, CustomStringConvertible {
    case changed(String)

    public var description: String {
        switch self {
        case .changed(let path): return "\(path) changed while it was being imported; nothing was merged."
        }
    }
}
