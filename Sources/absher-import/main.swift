// The absher-import executable: arguments in, exit status out.
import Foundation
import AbsherImport


func usageFailure(_ error: UsageError) -> Int32 {
    let commandPath = error.command.map { "absher-import \($0)" } ?? "absher-import"
    var text = "Error: \(error.message)\n"
    if let name = error.command, let command = Commands.named(name) {
        text += "Usage: \(command.usage)\n"
    } else {
        text += "Usage: absher-import <command> [options]\n"
    }
    text += "  See '\(commandPath) --help' for more information.\n"
    Console.err(text)
    return ExitStatus.usage.rawValue
}

func main(_ arguments: [String]) -> Int32 {
    guard let first = arguments.first else {
        Console.err(HelpText.root())
        return ExitStatus.usage.rawValue
    }
    switch first {
    case "-h", "--help":
        Console.out(HelpText.root())
        return 0
    case "--version":
        Console.out("absher-import \(Commands.version)\n")
        return 0
    case "help":
        guard arguments.count > 1 else {
            Console.out(HelpText.root())
            return 0
        }
        guard let command = Commands.named(arguments[1]) else {
            return usageFailure(UsageError(message: "Unknown command '\(arguments[1])'.", command: nil))
        }
        Console.out(HelpText.render(command))
        return 0
    default:
        break
    }
    guard let command = Commands.named(first) else {
        var message = "Unknown command '\(first)'."
        if let suggestion = ArgumentScanner.closest(to: first, among: Commands.all.map { $0.name } + ["help"]) {
            message += " Did you mean '\(suggestion)'?"
        }
        return usageFailure(UsageError(message: message, command: nil))
    }
    do {
        let parsed = try ArgumentScanner.scan(
            Array(arguments.dropFirst()), options: command.options, maxPositionals: command.maxPositionals,
            command: command.name)
        if parsed.wantsHelp {
            Console.out(HelpText.render(command))
            return 0
        }
        return try command.run(parsed)
    } catch let error as UsageError {
        return usageFailure(error)
    } catch {
        Console.err("Error: \(error)\n")
        return ExitStatus.ioError.rawValue
    }
}

exit(main(Array(CommandLine.arguments.dropFirst())))
