import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What identifies a version of a file cheaply: device, inode, size and modification time
/// (nanoseconds). Nil when the file cannot be stat'ed. (A rewrite in place of the same size
/// within one tick of the file system's clock is not told apart, as with every such stamp.)
struct FileStamp: Equatable {
    var dev: UInt64, ino: UInt64, size: Int64, mtimeSec: Int, mtimeNsec: Int

    /// The stamp of the file at `url` (a symlink followed to its target).
    init?(_ url: URL) {
        var st = stat()
        guard stat(AtomicFile.linkTarget(of: url).path, &st) == 0 else { return nil }
        self.init(st)
    }

    /// The stamp of what `stat` or `fstat` found.
    init(_ st: stat) {
        dev = UInt64(st.st_dev); ino = UInt64(st.st_ino); size = Int64(st.st_size)
        #if canImport(Darwin)
        let mtime = st.st_mtimespec
        #else
        let mtime = st.st_mtim
        #endif
        mtimeSec = Int(mtime.tv_sec); mtimeNsec = Int(mtime.tv_nsec)
    }
}
