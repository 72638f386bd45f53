import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers (and a crash at any instant) see either the old or the new
/// content, never a mix: write a temporary file in the same folder, fsync it, rename it over
/// the target, fsync the folder. A symlink is followed, so the link stays a link.
public enum AtomicFile {
    /// Throws `BoardStoreError` naming the path and the system's reason (disk full,
    /// permission denied…); the target is untouched when it throws.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let target = url.resolvingSymlinksInPath()
        let dir = target.deletingLastPathComponent().path
        let tmpPath = dir + "/." + target.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(tmpPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("cannot create a file in \(dir)") }
        var ok = false
        defer { if !ok { unlink(tmpPath) } }
        // Keep the old file's permissions.
        var st = stat()
        if stat(target.path, &st) == 0 { fchmod(fd, st.st_mode & 0o7777) }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buf in Glibc.write(fd, buf.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = failure("cannot write \(target.path)"); close(fd); throw e
            }
            offset += n
        }
        if fsync(fd) != 0 { let e = failure("cannot write \(target.path)"); close(fd); throw e }
        close(fd)
        guard rename(tmpPath, target.path) == 0 else { throw failure("cannot replace \(target.path)") }
        ok = true
        let dfd = open(dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    private static func failure(_ what: String) -> BoardStoreError {
        BoardStoreError("\(what): \(String(cString: strerror(errno)))")
    }
}
