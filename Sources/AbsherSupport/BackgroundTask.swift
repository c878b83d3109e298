import Dispatch
import Foundation

/// Runs a closure on a thread of its own, for work that overlaps with the caller's on the other core;
/// `wait()` returns once it is done, and rethrows what it threw.
///
/// The caller must not touch what the closure mutates until `wait()` returns. The closure is released as
/// soon as it has run, so that values it captured are uniquely referenced again (no copy on write).
package final class BackgroundTask: @unchecked Sendable {
    private var body: (() throws -> Void)?
    private var failure: (any Error)?
    private let done = DispatchSemaphore(value: 0)

    package init(_ body: @escaping () throws -> Void) {
        self.body = body
        let thread = Thread { [self] in
            do {
                try self.body?()
            } catch {
                failure = error
            }
            self.body = nil
            done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Returns once the closure has run; rethrows its error.
    package func wait() throws {
        done.wait()
        if let failure { throw failure }
    }
}
