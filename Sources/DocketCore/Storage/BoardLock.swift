import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The advisory lock that serialises every read–merge–write of a board, between processes and
/// between threads of one process: `flock(2)` on the board's folder (the folder of the file a
/// symlink points to).
///
/// Why the folder and not the file or a sidecar `.docket.json.lock`: the board is replaced by
/// a rename, so a lock on the file would be left on the old inode; the folder survives every
/// rename, needs no extra file to litter a repository, and can be locked even when it is
/// read-only, so the user gets the real reason a save fails (the folder is not writable)
/// instead of a failure to create a lock file. Two boards in one folder share the lock, which
/// only makes their saves take turns. The kernel drops the lock when its holder dies, even by
/// SIGKILL. Nested use on one folder (from one thread) would wait for itself: don't.
public enum BoardLock {
    /// How long `withLock` waits for another holder before giving up, in seconds.
    public static let timeout: TimeInterval = 10

    /// Runs `body` while holding the lock of `url`'s board folder and returns its result.
    /// Throws `BoardStoreError` when the folder cannot be opened (missing, not readable) or
    /// when another process held the lock for `timeout` seconds; `body` does not run then.
    /// Rethrows what `body` throws.
    public static func withLock<T>(_ url: URL, _ body: () throws -> T) throws -> T {
        let dir = AtomicFile.linkTarget(of: url).deletingLastPathComponent().path
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else {
            throw BoardStoreError("cannot create a file beside \(url.lastPathComponent): \(String(cString: strerror(errno))) (\(dir))")
        }
        defer { close(fd) }  // closing the descriptor releases the lock
        let deadline = Date().addingTimeInterval(timeout)
        var pause: useconds_t = 1_000
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let e = errno
            if e == EINTR { continue }
            guard e == EWOULDBLOCK else {
                throw BoardStoreError("cannot lock \(dir) for saving: \(String(cString: strerror(e)))")
            }
            guard Date() < deadline else {
                throw BoardStoreError("\(url.path) is being saved by another process that has held the lock for \(Int(timeout)) s; nothing was written")
            }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
        return try body()
    }
}
