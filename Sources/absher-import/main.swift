// The absher-import executable: arguments in, exit status out.
import Foundation

exit(RootCommand.main(Array(CommandLine.arguments.dropFirst())))
