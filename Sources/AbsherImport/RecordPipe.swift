import AbsherReading
import AbsherReconcile
import AbsherReports
import AbsherRules
import AbsherSQLite
import AbsherScan
import AbsherSchema
import AbsherStore
import AbsherSupport
import Dispatch
import Foundation

/// The merge pass's pipe: canonical records from the thread that reads the file again.
package typealias RecordPipe = BatchPipe<CanonicalRecord>
