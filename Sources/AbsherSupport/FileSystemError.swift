import Foundation

/// A report file or folder that cannot be created or written (contract §8: exit 73 and 74).
///
/// Carries the path and the `errno` of the failing system call, never any content written.
public enum FileSystemError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A file, folder or link could not be created (`EEXIST`, `EACCES`, a symlinked parent...): exit 73.
    case cannotCreate(path: String, errno: Int32)
    /// Bytes could not be written, flushed or synced (`ENOSPC`, `EIO`, `EDQUOT`...): exit 74.
    case cannotWrite(path: String, errno: Int32)

    /// The path the failing call was about.
    public var path: String {
        switch self {
        case .cannotCreate(let path, _), .cannotWrite(let path, _): path
        }
    }

    /// The `errno` of the failing call.
    public var errorNumber: Int32 {
        switch self {
        case .cannotCreate(_, let number), .cannotWrite(_, let number): number
        }
    }

    /// One line for stderr, e.g. `cannot write /x/y: No space left on device`.
    public var description: String {
        switch self {
        case .cannotCreate(let path, let number): "cannot create \(path): \(FileSystem.message(for: number))"
        case .cannotWrite(let path, let number): "cannot write \(path): \(FileSystem.message(for: number))"
        }
    }
}
