import Dispatch
import Foundation
import Synchronization

/// A run stopped by a signal before its commit; nothing was merged.
package struct RunInterrupted: Error, Sendable, CustomStringConvertible {
    package let signal: Int32

    /// `SIGTERM` or `SIGINT`.
    package var name: String { signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)" }

    package var description: String { "\(name) received before the commit: rolled back, nothing was merged" }
}
