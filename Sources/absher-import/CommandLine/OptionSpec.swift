/// One option a command accepts: `--name <VALUE>` or a flag `--name`.
struct OptionSpec: Sendable {
    var name: String
    /// The value's placeholder (`F`, `DIR`); nil for a flag.
    var valueName: String?
    var help: String
    /// The default, as help shows it.
    var defaultValue: String?

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, defaultValue: nil)
    }

    static func value(
        _ name: String, _ valueName: String, _ help: String, default value: String? = nil
    ) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, defaultValue: value)
    }

    /// `--name <VALUE>` or `--name`, as help and usage lines show it.
    var synopsis: String { valueName.map { "--\(name) <\($0)>" } ?? "--\(name)" }
}
