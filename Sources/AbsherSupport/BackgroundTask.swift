import Dispatch
import Foundation
import Synchronization

/// Runs a closure on a thread of its own, for work that overlaps with the caller's on the other core;
/// `wait()` returns what it returned, once it is done, or rethrows what it threw.
///
/// The closure is `@Sendable` and its result `Sendable`, so the compiler checks that nothing it captures is
/// shared with the caller unprotected. It is released as soon as it has run, so that values it captured are
/// uniquely referenced again (no copy on write).
package final class BackgroundTask<Value: Sendable>: Sendable {
    private let state: Mutex<State>
    private let done = DispatchSemaphore(value: 0)

    private struct State {
        var body: (@Sendable () throws -> Value)?
        var result: Result<Value, any Error>?
    }

    package init(_ body: @escaping @Sendable () throws -> Value) {
        state = Mutex(State(body: body, result: nil))
        let thread = Thread { [self] in
            let result: Result<Value, any Error>
            do {
                // Taken out, and released at the end of this scope, before `wait()` can return.
                let body = state.withLock { $0.body.take() }
                result = Result { try body!() }
            }
            state.withLock { $0.result = result }
            done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Returns once the closure has run, with its value; rethrows its error. Call it once.
    @discardableResult
    package func wait() throws -> Value {
        done.wait()
        return try state.withLock { $0.result! }.get()
    }
}
