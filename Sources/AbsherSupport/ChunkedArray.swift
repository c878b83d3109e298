import CPrefetch

/// An append-only array kept in fixed-size blocks: growing it never copies what it holds, so a table of
/// millions of rows never needs twice its size in memory for a moment, as `Array`'s doubling does.
///
/// `@inlinable`: other targets read and append rows in their hot loops, where it must be specialised.
public struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection {
    @usableFromInline static var blockSize: Int { 1 << 16 }
    @usableFromInline var blocks: [[Element]] = []
    @usableFromInline var storedCount = 0

    @inlinable public init() {}

    public typealias Index = Int
    public typealias Indices = Range<Int>

    @inlinable public var count: Int { storedCount }
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { storedCount }
    @inlinable public var indices: Range<Int> { 0..<storedCount }
    @inlinable public func index(after index: Int) -> Int { index + 1 }
    @inlinable public func index(before index: Int) -> Int { index - 1 }
    @inlinable public func index(_ index: Int, offsetBy distance: Int) -> Int { index + distance }
    @inlinable public func distance(from start: Int, to end: Int) -> Int { end - start }

    /// Asks the processor to start loading element `index` (`absher_prefetch`); nothing for an index out of
    /// range. A hint: it changes nothing.
    @inlinable public func prefetch(_ index: Int) {
        guard index >= 0 && index < storedCount else { return }
        blocks[index >> 16].withUnsafeBufferPointer { absher_prefetch($0.baseAddress! + (index & 0xFFFF)) }
    }

    @inlinable public subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < storedCount, "ChunkedArray index out of range")
            return blocks[index >> 16][index & 0xFFFF]
        }
        set {
            precondition(index >= 0 && index < storedCount, "ChunkedArray index out of range")
            blocks[index >> 16][index & 0xFFFF] = newValue
        }
    }

    @inlinable public mutating func append(_ element: Element) {
        if storedCount & 0xFFFF == 0 {
            var block: [Element] = []
            block.reserveCapacity(Self.blockSize)
            blocks.append(block)
        }
        blocks[blocks.count - 1].append(element)
        storedCount += 1
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
