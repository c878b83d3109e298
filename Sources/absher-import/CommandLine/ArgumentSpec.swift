/// A positional argument, for help: `DIR`, `VALUE`.
struct ArgumentSpec: Sendable {
    var name: String
    var help: String
    /// Shown as `[NAME]` in usage when true.
    var isOptional: Bool

    init(_ name: String, _ help: String, isOptional: Bool = true) {
        self.name = name
        self.help = help
        self.isOptional = isOptional
    }
}
