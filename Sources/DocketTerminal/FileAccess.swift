import DocketCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a board file can be written now, asked when the board opens and when its folder
/// changes, so the status line says `read-only` from the first frame.
enum FileAccess {
    /// Why `url` (through its symlinks) cannot be written, in the words of the status line;
    /// nil when it can, or when it does not exist. No write bits count even for root (as in
    /// `AtomicFile.write`).
    static func whyNotWritable(_ url: URL) -> String? {
        let target = AtomicFile.linkTarget(of: url)
        var st = stat()
        guard stat(target.path, &st) == 0 else { return nil }
        if st.st_mode & 0o222 == 0 { return "\(target.lastPathComponent) has no write permission" }
        if access(target.path, W_OK) != 0 { return "cannot write \(target.lastPathComponent): \(String(cString: strerror(errno)))" }
        let folder = target.deletingLastPathComponent().path
        if access(folder, W_OK) != 0 { return "cannot write in \(folder): \(String(cString: strerror(errno)))" }
        return nil
    }
}
