/// An example in help and in the man page: what it does, and the command line.
struct HelpExample: Sendable {
    var explanation: String
    var commandLine: String

    init(_ explanation: String, _ commandLine: String) {
        self.explanation = explanation
        self.commandLine = commandLine
    }
}
