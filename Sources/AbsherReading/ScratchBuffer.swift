#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A growable buffer of plain values where the reader builds a record, reused from record to record.
///
/// The hot path touches only this struct's fields; the memory itself is owned (and freed) by a ``Slot`` object,
/// which is updated only when the buffer grows.
package struct ScratchBuffer<Element: BitwiseCopyable> {
    /// Owns the memory; frees it when the last copy of the buffer goes away.
    package final class Slot {
        package var memory: UnsafeMutableRawPointer?

        package init(memory: UnsafeMutableRawPointer?) {
            self.memory = memory
        }

        deinit {
            free(memory)
        }
    }

    private let slot: Slot
    package private(set) var base: UnsafeMutablePointer<Element>
    package private(set) var count = 0
    private var capacity: Int

    package init(capacity: Int) {
        self.capacity = max(capacity, 16)
        let memory = malloc(self.capacity * MemoryLayout<Element>.stride)!
        slot = Slot(memory: memory)
        base = memory.bindMemory(to: Element.self, capacity: self.capacity)
    }

    /// Appends `count` values from `source`.
    @inline(__always)
    package mutating func append(_ source: UnsafePointer<Element>, count appended: Int) {
        if count + appended > capacity { grow(toAtLeast: count + appended) }
        (base + count).update(from: source, count: appended)
        count += appended
    }

    /// Appends one value.
    @inline(__always)
    package mutating func append(_ element: Element) {
        if count == capacity { grow(toAtLeast: count + 1) }
        base[count] = element
        count += 1
    }

    /// Empties the buffer, keeping its memory.
    package mutating func removeAll() {
        count = 0
    }

    /// The contents as a new array of exactly `count` values.
    package func makeArray() -> [Element] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    private mutating func grow(toAtLeast minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let memory = realloc(slot.memory, newCapacity * MemoryLayout<Element>.stride)!
        slot.memory = memory
        base = memory.bindMemory(to: Element.self, capacity: newCapacity)
        capacity = newCapacity
    }
}
