import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

/// Options read from `ABSHER_IMPORT_<OPTION>` (`--max-reject-rate` from `ABSHER_IMPORT_MAX_REJECT_RATE`), for
/// service files: the command line wins, an empty variable counts as unset, and a flag takes `1`, `true`,
/// `yes` or `on` (set) and `0`, `false`, `no` or `off` (not set).
enum EnvironmentSettings {
    static func apply(
        to parsed: inout ParsedArguments, options: [OptionSpec], command: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(UsageError) {
        for option in options {
            let variable = option.environmentName
            guard let text = environment[variable], !text.isEmpty else { continue }
            if option.valueName == nil {
                guard !parsed.flags.contains(option.name) else { continue }
                switch text.lowercased() {
                case "1", "true", "yes", "on": parsed.flags.insert(option.name)
                case "0", "false", "no", "off": continue
                default:
                    throw UsageError(
                        message: "\(variable) must be 1, true, yes, on, 0, false, no or off, not '\(text)'.",
                        command: command)
                }
            } else {
                guard parsed.values[option.name] == nil else { continue }
                parsed.values[option.name] = text
            }
            parsed.environmentSources[option.name] = variable
        }
    }

    /// A usage error about an option that came from the environment says so: `… (from ABSHER_IMPORT_MODE)`.
    static func annotate(_ error: UsageError, _ parsed: ParsedArguments) -> UsageError {
        for (name, variable) in parsed.environmentSources.sorted(by: { $0.key < $1.key })
        where error.message.hasPrefix("--\(name) ") {
            var annotated = error
            annotated.message += " (from \(variable))"
            return annotated
        }
        return error
    }
}
