/// A buffer that several threads write at once, each only the indices of its own range: what lets one
/// allocation be filled or sorted on both cores without a copy per thread.
///
/// `@unchecked Sendable` because the compiler cannot see that the ranges are disjoint; every use names its
/// ranges next to it, and none outlives the `withUnsafeMutableBufferPointer` call that made the buffer.
package struct DisjointSlices<Element>: @unchecked Sendable {
    package let buffer: UnsafeMutableBufferPointer<Element>

    package init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
