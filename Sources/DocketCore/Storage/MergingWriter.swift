import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes boards for an open session without losing changes that others made to the file
/// (`docket add` in another terminal, a `git pull`): before each write it checks whether the
/// file changed since it was last read or written (inode, size, modification time); if it did,
/// it reads it and writes the three-way merge (`BoardMerge`) of the last known board, the
/// board in memory and the board on disk. A file that changed into something that does not
/// parse is never overwritten: the write throws, naming the line and column.
///
/// The whole read–merge–write runs under the board's advisory lock (`BoardLock`), so a
/// `docket add` saving at the same instant is merged, never overwritten.
///
/// Used as `BoardSaver`'s write function, so it runs on the saver's thread; merges are handed
/// to the UI with `takeMerge()`.
public final class MergingWriter: @unchecked Sendable {
    /// A merge that happened: the board that was submitted, what was written, the conflicts.
    public struct Merge: Sendable {
        public var submitted: Board
        public var written: Board
        public var conflicts: [String]
    }

    private let lock = NSLock()
    private var base: Board
    private var stamp: FileStamp?
    private var merges: [Merge] = []
    /// The stamp of a version of the file that did not parse (not read again until it changes).
    private var unreadable: FileStamp?

    /// Who the session's user is: merge conflicts and spread ranks are logged as theirs.
    private let user: String

    /// `base` is the board as read from `url` (its stamp is taken now); `user` signs the
    /// activity entries a merge adds (conflicts, spread ranks).
    public init(base: Board, url: URL, user: String = "docket") {
        self.base = base
        self.user = user
        self.stamp = FileStamp(url)
    }

    /// Writes `ours` to `url`, merged with the file's changes if it changed, under the lock.
    /// Throws `BoardStoreError` or `BoardFileError`; nothing is written then.
    public func write(_ ours: Board, to url: URL) throws {
        try BoardLock.withLock(url) { try writeLocked(ours, to: url) }
    }

    private func writeLocked(_ ours: Board, to url: URL) throws {
        lock.lock()
        let base = self.base, known = self.stamp
        lock.unlock()
        var toWrite = ours
        var merge: Merge?
        if let now = FileStamp(url), now != known {
            let theirs: Board
            do { theirs = try BoardStore.load(url).board } catch let e as BoardFileError {
                lock.lock(); unreadable = now; lock.unlock()
                throw BoardStoreError("\(url.lastPathComponent) was changed elsewhere and no longer parses (line \(e.line), column \(e.column): \(e.message)); not overwritten: your changes are kept and saved once it parses again")
            }
            let (merged, conflicts, _) = BoardMerge.mergeForWriting(base: base, ours: ours, theirs: theirs, by: user,
                                                                    at: Timestamp(Date().timeIntervalSince1970))
            toWrite = merged
            merge = Merge(submitted: ours, written: merged, conflicts: conflicts)
            if merged == theirs {
                // Nothing of ours to add: no write, only learn the new state.
                lock.lock(); self.base = theirs; self.stamp = now
                merges.append(merge!)
                lock.unlock()
                return
            }
        }
        try BoardStore.writeLocked(toWrite, to: url)
        lock.lock()
        self.base = toWrite
        self.stamp = FileStamp(url)
        if let merge { merges.append(merge) }
        lock.unlock()
    }

    /// True when the file changed since it was last read or written here (and is not the
    /// version already found not to parse).
    public func fileChanged(_ url: URL) -> Bool {
        lock.lock(); defer { lock.unlock() }
        let now = FileStamp(url)
        return now != stamp && now != unreadable
    }

    /// The merges since the last call, oldest first.
    public func takeMerges() -> [Merge] {
        lock.lock(); defer { lock.unlock() }
        let out = merges
        merges = []
        return out
    }
}

/// What identifies a version of a file cheaply: device, inode, size and modification time
/// (nanoseconds). Nil when the file cannot be stat'ed.
struct FileStamp: Equatable {
    var dev: UInt64, ino: UInt64, size: Int64, mtimeSec: Int, mtimeNsec: Int

    init?(_ url: URL) {
        var st = stat()
        guard stat(AtomicFile.linkTarget(of: url).path, &st) == 0 else { return nil }
        dev = UInt64(st.st_dev); ino = UInt64(st.st_ino); size = Int64(st.st_size)
        #if canImport(Darwin)
        let mtime = st.st_mtimespec
        #else
        let mtime = st.st_mtim
        #endif
        mtimeSec = Int(mtime.tv_sec); mtimeNsec = Int(mtime.tv_nsec)
    }
}
