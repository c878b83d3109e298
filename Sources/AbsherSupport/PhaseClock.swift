import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// When `ABSHER_IMPORT_PHASES=1` is set, prints to standard error the wall and CPU seconds (since the
/// process started the clock) and the peak resident memory so far at the end of each phase of a run: how
/// the benchmark's totals in BENCHMARKS.md break down. Off, it costs one Boolean test per phase.
package enum PhaseClock {
    package static let isEnabled = ProcessInfo.processInfo.environment["ABSHER_IMPORT_PHASES"] == "1"
    private static let start = DispatchTime.now()

    /// Starts the clock (the first call to `mark` would otherwise start it).
    package static func begin() {
        guard isEnabled else { return }
        _ = start
    }

    package static func mark(_ phase: @autoclosure () -> String) {
        guard isEnabled else { return }
        // `start` first: when this is the first call, it starts the clock before `now` is read.
        let started = start.uptimeNanoseconds
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        // ru_maxrss: the peak resident set so far, in KiB.
        let peak = Double(usage.ru_maxrss) / 1024
        let line = String(format: "phase %7.2f s wall %7.2f s cpu %6.0f MiB peak  %@\n", wall, cpu, peak, phase())
        FileHandle.standardError.write(Data(line.utf8))
    }
}
