/// One option a command accepts: `--name <VALUE>` or a flag `--name`.
struct OptionSpec: Sendable {
    /// What a shell completes after the option: files, folders, one of `choices`, or nothing.
    enum ValueKind: Sendable {
        case file, directory, choice, other
    }

    var name: String
    /// The value's placeholder (`F`, `DIR`); nil for a flag.
    var valueName: String?
    var help: String
    /// The default, as help shows it.
    var defaultValue: String?
    /// The values the option takes, for completion (`--mode`: snapshot, delta); empty when any.
    var choices: [String] = []
    /// Shown without brackets in the usage line (`--out <DIR>` of `export`).
    var isRequired = false

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, defaultValue: nil)
    }

    static func value(
        _ name: String, _ valueName: String, _ help: String, default value: String? = nil, choices: [String] = [],
        isRequired: Bool = false
    ) -> OptionSpec {
        OptionSpec(
            name: name, valueName: valueName, help: help, defaultValue: value, choices: choices, isRequired: isRequired
        )
    }

    /// `--name <VALUE>` or `--name`, as help and usage lines show it.
    var synopsis: String { valueName.map { "--\(name) <\($0)>" } ?? "--\(name)" }

    /// The word in the usage line: `[--name <VALUE>]`, or `--name <VALUE>` when required.
    var usageWord: String { isRequired ? synopsis : "[\(synopsis)]" }

    var valueKind: ValueKind {
        guard let valueName else { return .other }
        if !choices.isEmpty { return .choice }
        switch valueName {
        case "F", "DB": return .file
        case "DIR": return .directory
        default: return .other
        }
    }

    /// `ABSHER_IMPORT_MAX_REJECT_RATE` for `--max-reject-rate`: where `run` also reads the option.
    var environmentName: String {
        "ABSHER_IMPORT_" + name.uppercased().replacingOccurrences(of: "-", with: "_")
    }
}
