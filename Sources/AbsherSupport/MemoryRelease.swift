#if os(Linux)
    import CMalloc
#endif

/// Gives freed heap pages back to the system.
package enum MemoryRelease {
    /// glibc's `malloc_trim(0)`: after a pass that freed millions of short-lived allocations, glibc would
    /// otherwise keep their pages; elsewhere a no-op.
    package static func trim() {
        #if os(Linux)
            _ = malloc_trim(0)
        #endif
    }
}
