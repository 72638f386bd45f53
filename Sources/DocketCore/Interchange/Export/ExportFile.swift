import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an export where the user asked (`docket export -o FILE`, `:export FILE`):
/// - a regular file, or a new one, is replaced atomically (`AtomicFile`; a symlink is
///   followed and stays a link);
/// - a device, fifo or socket (`/dev/stdout`, a named pipe, a terminal) is written to
///   directly, as `cat > FILE` would, never replaced by a regular file;
/// - the board file being exported (`board`, compared by device and inode, so through any
///   link or relative path) is refused: an export must never overwrite the board.
public enum ExportFile {
    /// Throws `BoardStoreError` when `url` is the board, a folder, or cannot be written (the
    /// system's reason); a regular target is untouched then.
    public static func write(_ bytes: [UInt8], to url: URL, board: URL?) throws {
        var st = stat()
        guard stat(url.path, &st) == 0 else { return try AtomicFile.write(bytes, to: url) }
        if let board {
            var b = stat()
            if stat(board.path, &b) == 0, b.st_dev == st.st_dev, b.st_ino == st.st_ino {
                throw BoardStoreError("\(url.path) is the board being exported: not overwritten (choose another file)")
            }
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: try AtomicFile.write(bytes, to: url)
        case S_IFDIR: throw BoardStoreError("\(url.path) is a folder: name a file to export to")
        default: try writeDirectly(bytes, to: url.path)
        }
    }

    /// Opens an existing device, fifo or socket and writes every byte (waiting for a fifo's reader).
    private static func writeDirectly(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw BoardStoreError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard AtomicFile.writeAll(bytes, to: fd) else {
            throw BoardStoreError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}
