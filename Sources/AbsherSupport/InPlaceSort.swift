import Dispatch

extension Array where Element == UInt64 {
    /// Sorts in place without the scratch buffer of the standard library's (stable) sort: the reconciler
    /// sorts arrays of tens of millions of packed keys at the memory peak of a run, where half their size
    /// again would matter. Not stable (equal values are indistinguishable anyway).
    ///
    /// Quicksort with a median-of-three pivot and insertion sort for short ranges; heapsort takes over a
    /// range that recursion depth says is degenerate, so the worst case stays O(n log n) (introsort).
    package mutating func sortInPlace() {
        guard count > 1 else { return }
        withUnsafeMutableBufferPointer { buffer in
            var depthLimit = 2 * (Int.bitWidth - buffer.count.leadingZeroBitCount)
            Self.introsort(buffer, 0, buffer.count - 1, &depthLimit)
        }
    }

    /// The same on two threads, for a table large enough to pay for it: one partition around the median of
    /// a sample, then each side sorted as `sortInPlace` sorts, one on each core. In place: nothing allocated.
    package mutating func sortInPlaceOnTwoThreads() {
        guard count >= 1 << 16 else { return sortInPlace() }
        withUnsafeMutableBufferPointer { buffer in
            var samples = (0..<15).map { buffer[$0 * (buffer.count - 1) / 14] }
            samples.sortInPlace()
            let split = Self.partition(buffer, below: samples[7])
            // Two disjoint ranges, one a thread.
            let sides = [0..<split, split..<buffer.count]
            let slices = DisjointSlices(buffer)
            DispatchQueue.concurrentPerform(iterations: sides.count) { side in
                let range = sides[side]
                guard range.count > 1 else { return }
                var depthLimit = 2 * (Int.bitWidth - range.count.leadingZeroBitCount)
                Self.introsort(slices.buffer, range.lowerBound, range.upperBound - 1, &depthLimit)
            }
        }
    }

    /// Moves the entries below `pivot` to the front; returns how many there are.
    private static func partition(_ a: UnsafeMutableBufferPointer<UInt64>, below pivot: UInt64) -> Int {
        var i = 0
        var j = a.count - 1
        while true {
            while i <= j && a[i] < pivot { i += 1 }
            while i <= j && a[j] >= pivot { j -= 1 }
            if i >= j { return i }
            a.swapAt(i, j)
            i += 1
            j -= 1
        }
    }

    private static func introsort(_ a: UnsafeMutableBufferPointer<UInt64>, _ low: Int, _ high: Int, _ depth: inout Int)
    {
        var low = low
        var high = high
        while high - low > 16 {
            if depth == 0 {
                heapsort(a, low, high)
                return
            }
            depth -= 1
            let middle = low + (high - low) / 2
            // Median of three into a[middle].
            if a[middle] < a[low] { a.swapAt(middle, low) }
            if a[high] < a[low] { a.swapAt(high, low) }
            if a[high] < a[middle] { a.swapAt(high, middle) }
            let pivot = a[middle]
            var i = low
            var j = high
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Recurse into the smaller side, loop on the larger: stack depth O(log n).
            if j - low < high - i {
                if low < j {
                    var d = depth
                    introsort(a, low, j, &d)
                }
                low = i
            } else {
                if i < high {
                    var d = depth
                    introsort(a, i, high, &d)
                }
                high = j
            }
        }
        // Insertion sort for the short range.
        if high > low {
            for k in (low + 1)...high {
                let value = a[k]
                var m = k - 1
                while m >= low && a[m] > value {
                    a[m + 1] = a[m]
                    m -= 1
                }
                a[m + 1] = value
            }
        }
    }

    private static func heapsort(_ a: UnsafeMutableBufferPointer<UInt64>, _ low: Int, _ high: Int) {
        let n = high - low + 1
        func siftDown(_ start: Int, _ end: Int) {
            var root = start
            while 2 * root + 1 < end {
                var child = 2 * root + 1
                if child + 1 < end && a[low + child] < a[low + child + 1] { child += 1 }
                guard a[low + root] < a[low + child] else { return }
                a.swapAt(low + root, low + child)
                root = child
            }
        }
        for start in stride(from: n / 2 - 1, through: 0, by: -1) { siftDown(start, n) }
        for end in stride(from: n - 1, to: 0, by: -1) {
            a.swapAt(low, low + end)
            siftDown(0, end)
        }
    }
}
