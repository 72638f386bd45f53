import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What identifies one version of a file on disk without reading it: device, inode, size, and
/// the modification and status-change times to the nanosecond. Any write to the file, a
/// replacement by rename (git, editors, Docket itself), `touch` or `cp -p` changes at least one
/// of them (the status-change time cannot be set by a user).
public struct FileStamp: Equatable, Sendable, CustomStringConvertible {
    var device: UInt64, inode: UInt64, size: Int64
    var modified: Int64, modifiedNanos: Int64, changed: Int64, changedNanos: Int64

    init(_ st: stat) {
        device = UInt64(st.st_dev); inode = UInt64(st.st_ino); size = Int64(st.st_size)
        #if canImport(Darwin)
        modified = Int64(st.st_mtimespec.tv_sec); modifiedNanos = Int64(st.st_mtimespec.tv_nsec)
        changed = Int64(st.st_ctimespec.tv_sec); changedNanos = Int64(st.st_ctimespec.tv_nsec)
        #else
        modified = Int64(st.st_mtim.tv_sec); modifiedNanos = Int64(st.st_mtim.tv_nsec)
        changed = Int64(st.st_ctim.tv_sec); changedNanos = Int64(st.st_ctim.tv_nsec)
        #endif
    }

    /// The stamp of the open file `fd`, nil when `fstat` fails.
    static func of(descriptor fd: Int32) -> FileStamp? {
        var st = stat()
        return fstat(fd, &st) == 0 ? FileStamp(st) : nil
    }

    /// The stamp of the file at `url` (the end of its symlinks, `AtomicFile.linkTarget`), nil
    /// when there is none.
    init?(_ url: URL) {
        guard let stamp = FileStamp.of(path: AtomicFile.linkTarget(of: url).path) else { return nil }
        self = stamp
    }

    /// The stamp of the file at `path` (symlinks followed), nil when `stat` fails.
    static func of(path: String) -> FileStamp? {
        var st = stat()
        return stat(path, &st) == 0 ? FileStamp(st) : nil
    }

    /// Seven whole numbers separated by spaces (the record's form, `CheckedFiles`).
    public var description: String { "\(device) \(inode) \(size) \(modified) \(modifiedNanos) \(changed) \(changedNanos)" }
}
