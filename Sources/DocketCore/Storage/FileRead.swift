import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reading a whole board file into memory.
///
/// A large file is read into a buffer that Linux may back with 2 MiB pages (transparent huge
/// pages, asked for with `madvise`; the system's default honours that): the copy from the page
/// cache then takes one page fault per 2 MiB instead of one per 4 KiB, which halves the read
/// (measured on the development machine: 41 MB in 10 ms instead of 19, 410 MB in 105 ms instead
/// of 195). Anything unexpected, and every other system, reads through `Data(contentsOf:)`.
enum FileRead {
    /// Files from this size on (bytes) are read into huge pages where the system allows.
    static let largeFile = 8 << 20

    /// The size of a huge page (bytes), and the alignment of a large file's buffer.
    static let hugePage = 2 << 20

    /// A path that names a named pipe, a device or a socket: a board is never read from one
    /// (opening a FIFO would wait for a writer).
    struct NotAFile: Error, Equatable {
        /// "a named pipe (FIFO)", "a device" or "a socket".
        let kind: String
    }

    /// The bytes of the file at `url`. Throws `NotAFile` for a FIFO, device or socket, else
    /// what `Data(contentsOf:)` throws.
    static func whole(_ url: URL) throws -> Data {
        var info = stat()
        if stat(url.path, &info) == 0 {
            if let kind = irregularKind(info) { throw NotAFile(kind: kind) }
            #if os(Linux)
            if isLargeRegularFile(info), let data = intoHugePages(url.path) { return data }
            #endif
        }
        return try Data(contentsOf: url)
    }

    /// The bytes of the file open as `fd` in `range` (byte offsets), read with `pread`; nil
    /// when they cannot all be read (see `readAll(_:into:count:at:)`).
    static func range(_ fd: Int32, _ range: Range<Int>) -> [UInt8]? {
        guard !range.isEmpty else { return [] }
        var out = [UInt8](repeating: 0, count: range.count)
        let ok = out.withUnsafeMutableBytes { readAll(fd, into: $0.baseAddress!, count: range.count, at: range.lowerBound) }
        return ok ? out : nil
    }

    /// Reads `count` bytes at `offset` of the file open as `fd` into `buffer` (`pread`, again
    /// after an interrupt or a short read); false when they cannot all be read: an error
    /// (`errno` says which), or the file ends first (`errno` is `EIO` then).
    static func readAll(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int) -> Bool {
        var done = 0
        while done < count {
            let n = pread(fd, buffer + done, count - done, off_t(offset + done))
            if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else {
                if n == 0 { errno = EIO }
                return false
            }
        }
        return true
    }

    private static func irregularKind(_ info: stat) -> String? {
        switch info.st_mode & S_IFMT {
        case S_IFIFO: return "a named pipe (FIFO)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return nil
        }
    }

    private static func isLargeRegularFile(_ info: stat) -> Bool {
        (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) >= largeFile
    }

    #if os(Linux)
    /// The file read into a buffer aligned to 2 MiB and advised to use huge pages; nil when the
    /// file is small or not a regular file, cannot be opened or read, or changes size while it
    /// is read (the caller then reads it the ordinary way, which reports what is wrong).
    /// Called only for what `stat` found a large regular file: opening a FIFO would wait for a
    /// writer, or take a writer's reader away (and without waiting, should it be one by now).
    private static func intoHugePages(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, isLargeRegularFile(info) else { return nil }
        let size = Int(info.st_size), huge = hugePage
        let capacity = (size + huge - 1) / huge * huge
        var raw: UnsafeMutableRawPointer?
        guard posix_memalign(&raw, huge, capacity) == 0, let buffer = raw else { return nil }
        _ = madvise(buffer, capacity, 14)  // MADV_HUGEPAGE (not exported to Swift)
        // Exactly the size it had: not shorter (`readAll`), and nothing after it.
        var extra: UInt8 = 0
        guard readInHalves(fd, into: buffer, count: size), pread(fd, &extra, 1, off_t(size)) == 0 else {
            free(buffer)
            return nil
        }
        return Data(bytesNoCopy: buffer, count: size, deallocator: .free)
    }

    /// Reads `count` bytes from the start of the file open as `fd` into `buffer`, the second
    /// half (from a huge page's boundary) on another core at the same time (`Parallel.both`):
    /// copying from the page cache, and the kernel zeroing the buffer's new pages, are the
    /// read's work, and both halve (41 MB: 12 ms on one core). False like `readAll`.
    private static func readInHalves(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Bool {
        let half = count / 2 / hugePage * hugePage
        guard half > 0 else { return readAll(fd, into: buffer, count: count, at: 0) }
        let halves = try? Parallel.both({ readAll(fd, into: buffer, count: half, at: 0) },
                                        { readAll(fd, into: buffer + half, count: count - half, at: half) })
        guard let (first, second) = halves else { return false }
        return first && second
    }
    #endif
}
