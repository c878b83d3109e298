/// Why the generator could not do what it was asked.
enum DataGenError: Error, CustomStringConvertible {
    case usage(String)
    case cannotWrite(String)

    var description: String {
        switch self {
        case .usage(let message): return message
        case .cannotWrite(let path): return "cannot write \(path)"
        }
    }
}
