import Foundation

/// A file's device, inode, size and modification and status-change times (nanoseconds): the same file,
/// unwritten, keeps them; writing it, or putting another file in its place, changes at least one.
public struct FileIdentity: Sendable, Equatable {
    package var device: UInt64
    package var inode: UInt64
    package var size: Int64
    package var modified: [Int64]
    package var changed: [Int64]
}
