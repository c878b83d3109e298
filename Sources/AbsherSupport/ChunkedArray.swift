/// An append-only array kept in fixed-size blocks: growing it never copies what it holds, so a table of
/// millions of rows never needs twice its size in memory for a moment, as `Array`'s doubling does.
package struct ChunkedArray<Element>: RandomAccessCollection, MutableCollection {
    private static var blockSize: Int { 1 << 16 }
    private var blocks: [[Element]] = []
    package private(set) var count = 0

    package init() {}

    package var startIndex: Int { 0 }
    package var endIndex: Int { count }

    package subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count, "ChunkedArray index out of range")
            return blocks[index >> 16][index & 0xFFFF]
        }
        set {
            precondition(index >= 0 && index < count, "ChunkedArray index out of range")
            blocks[index >> 16][index & 0xFFFF] = newValue
        }
    }

    package mutating func append(_ element: Element) {
        if count & 0xFFFF == 0 {
            var block: [Element] = []
            block.reserveCapacity(Self.blockSize)
            blocks.append(block)
        }
        blocks[blocks.count - 1].append(element)
        count += 1
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
