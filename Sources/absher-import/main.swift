import AbsherImport
import AbsherReading
import AbsherReports
import AbsherRules
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Foundation

// The absher-import executable: arguments in, exit status out.

exit(RootCommand.main(Array(CommandLine.arguments.dropFirst())))
