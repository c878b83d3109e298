import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// SIGTERM and SIGINT during a run (contract §8): before the commit the run stops at its next check
/// (`check()`), rolls back, removes what it created and exits 143 or 130; once the commit has begun
/// (`beginCommit()`) the signal waits, the report is finished, and the run exits by its outcome.
///
/// The signals are taken from the default action (`signal(SIG_IGN)`) and delivered to a dispatch source, so
/// the handler runs on a queue and not in signal context: it only records the signal under a lock.
package enum RunInterruption {
    private struct State: ~Copyable {
        var signal: Int32 = 0
        var committing = false
        var sources: [any DispatchSourceSignal] = []
    }

    private static let state = Mutex(State())

    /// Catches SIGTERM and SIGINT from now on; calling it again does nothing.
    package static func install() {
        state.withLock { state in
            guard state.sources.isEmpty else { return }
            for number in [SIGTERM, SIGINT] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { record(number) }
                source.resume()
                state.sources.append(source)
            }
        }
    }

    private static func record(_ number: Int32) {
        state.withLock { state in
            if state.signal == 0 { state.signal = number }
        }
    }

    /// The first signal received, 0 if none.
    package static var receivedSignal: Int32 { state.withLock { $0.signal } }

    /// Throws `RunInterrupted` when a signal came and the commit has not begun.
    package static func check() throws(RunInterrupted) {
        let signal = state.withLock { $0.committing ? 0 : $0.signal }
        if signal != 0 { throw RunInterrupted(signal: signal) }
    }

    /// The last check before the commit: throws as `check()` does, else marks the commit as begun, so that a
    /// signal from now on waits for the commit and the report.
    package static func beginCommit() throws(RunInterrupted) {
        let signal = state.withLock { state -> Int32 in
            if state.signal == 0 { state.committing = true }
            return state.signal
        }
        if signal != 0 { throw RunInterrupted(signal: signal) }
    }

    /// For the tests of this behaviour through the binary: `ABSHER_IMPORT_PAUSE_AT=<point>` sleeps three
    /// seconds at that point of a run (`before-commit`, `after-commit`), so that a signal lands there.
    package static func pause(at point: String) {
        guard ProcessInfo.processInfo.environment["ABSHER_IMPORT_PAUSE_AT"] == point else { return }
        sleep(3)
    }
}
