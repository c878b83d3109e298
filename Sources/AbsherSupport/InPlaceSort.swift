import Dispatch

extension Array where Element == UInt64 {
    /// Sorts in place without the scratch buffer of the standard library's (stable) sort: the reconciler
    /// sorts arrays of tens of millions of packed keys at the memory peak of a run, where half their size
    /// again would matter. Not stable (equal values are indistinguishable anyway).
    ///
    /// An in-place most-significant-byte radix sort (American flag sort): a pass counts the entries of each
    /// value of one byte and moves every entry into its byte's bucket by cycles of swaps, then each bucket is
    /// sorted on the next byte. Bytes that every entry of a range shares are skipped. Ranges of up to
    /// `radixCutoff` entries go to an introsort (quicksort with a median-of-three pivot, insertion sort for
    /// short ranges, heapsort where recursion depth says a range is degenerate).
    package mutating func sortInPlace() {
        guard count > 1 else { return }
        withUnsafeMutableBufferPointer { buffer in
            Self.radixSort(buffer, 0, buffer.count)
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
                Self.radixSort(slices.buffer, range.lowerBound, range.upperBound)
            }
        }
    }

    /// Below this many entries a range is sorted by comparisons: a byte's pass costs 256 buckets.
    private static let radixCutoff = 128

    /// Sorts `a[low..<high]`: one byte's bucket pass, then each bucket on the next byte.
    private static func radixSort(_ a: UnsafeMutableBufferPointer<UInt64>, _ low: Int, _ high: Int) {
        guard high - low > radixCutoff else {
            guard high - low > 1 else { return }
            var depthLimit = 2 * (Int.bitWidth - (high - low).leadingZeroBitCount)
            return introsort(a, low, high - 1, &depthLimit)
        }
        // The highest byte in which two entries differ: the bytes above it are the same in all.
        let first = a[low]
        var differing: UInt64 = 0
        for index in (low + 1)..<high { differing |= a[index] ^ first }
        guard differing != 0 else { return }
        let shift = (63 - differing.leadingZeroBitCount) / 8 * 8
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 512) { table in
            let heads = UnsafeMutableBufferPointer(rebasing: table[0..<256])
            let tails = UnsafeMutableBufferPointer(rebasing: table[256..<512])
            heads.initialize(repeating: 0)
            for index in low..<high { heads[Int(truncatingIfNeeded: a[index] &>> UInt64(shift)) & 0xFF] += 1 }
            var start = low
            for byte in 0..<256 {
                let size = heads[byte]
                heads[byte] = start
                start += size
                tails[byte] = start
            }
            // Each entry out of place is swapped into the next free slot of its bucket until the slot's
            // entry belongs where the cycle began.
            for byte in 0..<256 {
                while heads[byte] < tails[byte] {
                    var value = a[heads[byte]]
                    var target = Int(truncatingIfNeeded: value &>> UInt64(shift)) & 0xFF
                    while target != byte {
                        swap(&value, &a[heads[target]])
                        heads[target] += 1
                        target = Int(truncatingIfNeeded: value &>> UInt64(shift)) & 0xFF
                    }
                    a[heads[byte]] = value
                    heads[byte] += 1
                }
            }
            guard shift > 0 else { return }
            // The heads now stand at the ends of their buckets.
            var bucketStart = low
            for byte in 0..<256 {
                let bucketEnd = tails[byte]
                radixSort(a, bucketStart, bucketEnd)
                bucketStart = bucketEnd
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
