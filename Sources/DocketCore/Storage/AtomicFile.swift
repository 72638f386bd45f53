import CFileSync
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers (and a crash at any instant) see either the old or the new
/// content, never a mix: write a temporary file `.<name>.tmp-<pid>-<random>` in the same
/// folder, fsync it, rename it over the target, fsync the folder. A symlink is followed, so
/// the link stays a link and the target gets the new content.
public enum AtomicFile {
    /// Writes `bytes` to `url`. With `backup`, the file being replaced is kept first as
    /// `<name>.bak` beside the target (a hard link, else a copy; put in place by a rename, so a
    /// good `.bak` is never replaced by a half-written one; best effort: a backup that cannot
    /// be made does not stop the save).
    ///
    /// Throws `BoardStoreError` naming the path and the system's reason (disk full, file too
    /// large, permission denied, read-only file system…), or saying the file is read-only
    /// when it has no write permission bits (checked even for root); the target is untouched
    /// and no temporary file is left when it throws.
    ///
    /// With `unchanged`, the file is replaced only if it still says yes once the new content is
    /// written (asked just before the backup and the rename: the file the new content was made
    /// from is as it was); else nothing is replaced and it throws `SourceChanged`.
    public static func write(_ bytes: [UInt8], to url: URL, backup: Bool = false, unless unchanged: (() -> Bool)? = nil) throws {
        try bytes.withUnsafeBytes { try write(pieces: [.bytes($0)], to: url, backup: backup, unless: unchanged) }
    }

    /// One piece of the bytes to write: bytes in memory, or a range (byte offsets) of a
    /// regular file open for reading as `fd`, copied in the kernel (`sendfile`) without
    /// passing through the process's memory.
    enum Piece {
        case bytes(UnsafeRawBufferPointer)
        case file(Int32, Range<Int>)
    }

    /// `write(_:to:backup:)` of the bytes of `pieces` one after another (a spliced board's runs:
    /// `SplicedBytes`), without joining them first.
    static func write(pieces: [UnsafeRawBufferPointer], to url: URL, backup: Bool = false) throws {
        try write(pieces: pieces.map { .bytes($0) }, to: url, backup: backup)
    }

    /// Thrown by a write given `unless` when it says the file the new content was made from
    /// changed (the file `.file` pieces come from, the file a merge read): nothing was written.
    struct SourceChanged: Error {}

    /// `write(pieces:to:backup:)` of pieces in memory or in another file, `unless` as for
    /// `write(_:to:backup:unless:)`. A file's piece that cannot be read whole (the file is
    /// shorter now) fails the write like a write error, or with `SourceChanged` when `unless`
    /// then says the file changed. A terminating signal (Ctrl-C) that arrives meanwhile on this
    /// thread takes effect once the write is done or undone (`HeldSignals`): no temporary file
    /// is left behind.
    static func write(pieces: [Piece], to url: URL, backup: Bool = false, unless sourceUnchanged: (() -> Bool)? = nil) throws {
        try HeldSignals.during { try writeHeld(pieces: pieces, to: url, backup: backup, unless: sourceUnchanged) }
    }

    /// `write(pieces:to:backup:unless:)`, the terminating signals held.
    private static func writeHeld(pieces: [Piece], to url: URL, backup: Bool, unless sourceUnchanged: (() -> Bool)?) throws {
        let target = linkTarget(of: url)
        let dir = target.deletingLastPathComponent().path
        var st = stat()
        let exists = stat(target.path, &st) == 0
        if exists && st.st_mode & 0o222 == 0 {
            throw BoardStoreError("\(target.lastPathComponent) is read-only: not saved (make it writable, e.g. chmod u+w); the file on disk is unchanged (\(target.path))")
        }
        if exists && access(target.path, W_OK) != 0 { throw failure("cannot write", target) }
        let tmpPath: String
        do { tmpPath = try writeTemporary(pieces, besides: target, mode: exists ? st.st_mode & 0o7777 : 0o644) } catch {
            if let sourceUnchanged, !sourceUnchanged() { throw SourceChanged() }
            throw error
        }
        if let sourceUnchanged, !sourceUnchanged() {
            unlink(tmpPath)
            throw SourceChanged()
        }
        if backup && exists { keepBackup(of: target) }
        guard rename(tmpPath, target.path) == 0 else {
            let e = failure("cannot replace", target)
            unlink(tmpPath)
            throw e
        }
        let dfd = open(dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    /// Where writing `url` must go: the final target of a chain of symlinks (at most 40), even
    /// one that does not exist yet (a dangling link is written through, as the shell's `>`
    /// does, instead of being replaced by a file); `url` itself when it is not a link.
    public static func linkTarget(of url: URL) -> URL {
        var current = url.standardizedFileURL
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current.path, &st) == 0, st.st_mode & S_IFMT == S_IFLNK,
                  let dest = try? FileManager.default.destinationOfSymbolicLink(atPath: current.path) else { break }
            current = URL(fileURLWithPath: dest, relativeTo: current.deletingLastPathComponent()).standardizedFileURL
        }
        return current
    }

    /// The path of `target`'s `.bak` (one level of previous version).
    public static func backupURL(of target: URL) -> URL {
        let t = linkTarget(of: target)
        return t.deletingLastPathComponent().appendingPathComponent(t.lastPathComponent + ".bak")
    }

    /// Removes the temporary files of `target` that processes which no longer run left behind
    /// (killed while saving). Call it only while holding the board's lock (`BoardLock`), so no
    /// running save's file is in the way. Errors are ignored: they are leftovers.
    public static func removeStaleTemporaries(of target: URL) {
        let t = linkTarget(of: target)
        let dir = t.deletingLastPathComponent().path
        let prefix = "." + t.lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count).prefix { $0 != "-" }) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH { unlink(dir + "/" + name) }
        }
    }

    /// Writes `bytes` to a new temporary file beside `target` with permissions `mode`, fsynced;
    /// returns its path. Throws `BoardStoreError`, leaving no file behind.
    private static func writeTemporary(_ pieces: [Piece], besides target: URL, mode: mode_t) throws -> String {
        let dir = target.deletingLastPathComponent().path
        let tmpPath = dir + "/." + target.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(tmpPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot create a file beside", target) }
        var ok = false
        defer { close(fd); if !ok { unlink(tmpPath) } }
        fchmod(fd, mode)
        var writeback = Writeback(fd)
        guard pieces.allSatisfy({ write($0, to: &writeback) }), fsync(fd) == 0 else { throw failure("cannot write", target) }
        ok = true
        return tmpPath
    }

    /// How many bytes of a new file are written before the kernel is asked to start putting
    /// them on the disk (`Writeback`), so that the `fsync` after the last one waits for little
    /// more than that one. Measured on the development machine, 41 MB: writing and `fsync`ing
    /// took 36–48 ms at once, 23–27 ms handed over a mebibyte at a time.
    static let writebackChunk = 1 << 20

    /// A new file's bytes as they are written, handed to the disk a chunk at a time
    /// (`docket_start_writeback`: Linux's `sync_file_range`, which does not wait; nothing on
    /// other systems). Only a head start: the `fsync` still makes the file durable.
    private struct Writeback {
        let fd: Int32
        private var written = 0, started = 0

        init(_ fd: Int32) { self.fd = fd }

        /// Counts `count` more bytes written, and starts the disk on every whole chunk.
        mutating func wrote(_ count: Int) {
            written += count
            guard written - started >= AtomicFile.writebackChunk else { return }
            _ = docket_start_writeback(fd, Int64(started), Int64(written - started))
            started = written
        }
    }

    /// Writes `piece` to the new file of `writeback`, a chunk at a time: its bytes
    /// (`writeAll`), or its range of the other file copied with `sendfile`, through memory when
    /// the system cannot (`copyThroughMemory`). False (with `errno` set; `EIO` when the other
    /// file is shorter than the range) when it fails.
    private static func write(_ piece: Piece, to writeback: inout Writeback) -> Bool {
        let fd = writeback.fd
        switch piece {
        case .bytes(let b):
            var at = 0
            while at < b.count {
                let n = min(writebackChunk, b.count - at)
                guard writeAll(UnsafeRawBufferPointer(rebasing: b[at..<at + n]), to: fd) else { return false }
                writeback.wrote(n)
                at += n
            }
        case .file(let from, let range):
            var at = range.lowerBound
            while at < range.upperBound {
                let end = min(at + writebackChunk, range.upperBound)
                guard copy(at..<end, of: from, to: fd) else { return false }
                writeback.wrote(end - at)
                at = end
            }
        }
        return true
    }

    /// Writes `range` of the file `from` to `fd` with `sendfile` (see `write(_:to:)` of a piece).
    private static func copy(_ range: Range<Int>, of from: Int32, to fd: Int32) -> Bool {
        var offset = off_t(range.lowerBound)
        let end = off_t(range.upperBound)
        while offset < end {
            #if os(Linux)
            let n = sendfile(fd, from, &offset, Int(end - offset))
            #else
            let n = -1
            errno = ENOSYS
            #endif
            if n > 0 { continue }
            if n == 0 { errno = EIO; return false }
            if errno == EINTR || errno == EAGAIN { continue }
            if errno == EINVAL || errno == ENOSYS { return copyThroughMemory(from, Int(offset)..<range.upperBound, to: fd) }
            return false
        }
        return true
    }

    /// Copies `range` of the file `from` to `fd` a mebibyte at a time; false (with `errno`) on failure.
    private static func copyThroughMemory(_ from: Int32, _ range: Range<Int>, to fd: Int32) -> Bool {
        var at = range.lowerBound
        while at < range.upperBound {
            let end = min(at + (1 << 20), range.upperBound)
            guard let bytes = FileRead.range(from, at..<end) else { return false }
            guard writeAll(bytes, to: fd) else { return false }
            at = end
        }
        return true
    }

    /// Writes every byte of `bytes` to `fd`, retrying after interrupts and short writes; false
    /// (with `errno` set) when the system refuses.
    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBytes { writeAll($0, to: fd) }
    }

    /// `writeAll` of the bytes of `buffer`.
    static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        var offset = 0
        while offset < buffer.count {
            let n = systemWrite(fd, base + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// write(2) (`Glibc.write` or `Darwin.write`: a plain `write` here would mean this type's).
    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
        #else
        return Darwin.write(fd, buffer, count)
        #endif
    }

    /// Puts the current content of `target` in place as its `.bak`: a hard link (no copy, no
    /// space) when the file system allows, else a copy; either is renamed over the old `.bak`.
    private static func keepBackup(of target: URL) {
        let bak = backupURL(of: target).path
        let linkPath = target.deletingLastPathComponent().path + "/." + target.lastPathComponent
            + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var staged: String? = link(target.path, linkPath) == 0 ? linkPath : nil
        if staged == nil, let old = FileManager.default.contents(atPath: target.path) {
            var st = stat()
            let mode: mode_t = stat(target.path, &st) == 0 ? st.st_mode & 0o7777 : 0o644
            staged = try? old.withUnsafeBytes { try writeTemporary([.bytes($0)], besides: target, mode: mode) }
        }
        // A rename onto a link of the same file does nothing and succeeds (POSIX): after a save
        // killed between its backup and its rename, `.bak` is the board's own file, and the
        // staged link would stay behind. So the staged name goes either way (after a rename
        // that moved it, there is nothing left to remove).
        if let staged {
            _ = rename(staged, bak)
            unlink(staged)
        }
    }

    /// "cannot write board.json: File too large; the file on disk is unchanged (/path)": the
    /// reason early, so a narrow status line still shows it.
    private static func failure(_ what: String, _ target: URL) -> BoardStoreError {
        BoardStoreError("\(what) \(target.lastPathComponent): \(String(cString: strerror(errno))); the file on disk is unchanged (\(target.path))")
    }
}
