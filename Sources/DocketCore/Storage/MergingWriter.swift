import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes boards for an open session without losing changes that others made to the file
/// (`docket add` in another terminal, another open board, a `git pull`), and without logging
/// anything twice.
///
/// **The invariant** (README, "What a merge does"): every change made in this session is in
/// the file after the session's next successful save, exactly once, and every change others
/// saved stays there. To keep it, each write is a three-way merge over the *true common
/// ancestor* of the submitted board and the file: the board this session submitted last,
/// with the merges the session has taken in since (`Board.mergeBasis` says which) applied to
/// it. Issue 15 came from using the last board written as the base: a board submitted before
/// the session took in the previous merge lacks what that merge brought, so its items read as
/// "deleted here" and were dropped; an item taken in read as "added on both sides". When the
/// file holds exactly the board submitted last and the session took nothing in since, the new
/// board is written as it is; otherwise the file is merged with `BoardMerge.mergeForWriting`,
/// its activity log as a union, so nothing is logged twice.
///
/// Merges are handed to the session with `takeMerges()`; it takes each in, in that order, with
/// `Merge.apply(to:)`. A file that changed into something that does not parse is never
/// overwritten (the write throws, naming the line and column). A file that is gone (moved or
/// deleted) or replaced by something that is not a regular file is never re-created or
/// replaced silently: the write throws `BoardFileGone` until `allowCreating(at:current:)`
/// says where to write.
///
/// The whole read–merge–write runs under the board's advisory lock (`BoardLock`), so a
/// `docket add` saving at the same instant is merged, never overwritten. Used as
/// `BoardSaver`'s write function, so it runs on the saver's thread.
public final class MergingWriter: @unchecked Sendable {
    /// A merge that happened: the board that was submitted, what was written (the session's
    /// board is derived from it once taken in: version `version`), the conflicts.
    public struct Merge: Equatable, Sendable {
        public var submitted: Board
        public var written: Board
        public var version: Int
        public var conflicts: [String]
        /// Merges handed out before this one that `submitted` had not taken in, oldest first.
        var earlier: [Merge]

        /// A merge of `submitted` with the file that wrote `written` (for tests and for
        /// callers that merge by hand); `version` numbers it (`Board.mergeBasis` after it).
        public init(submitted: Board, written: Board, version: Int = 1, conflicts: [String]) {
            self.init(submitted: submitted, written: written, version: version, conflicts: conflicts, earlier: [])
        }

        init(submitted: Board, written: Board, version: Int, conflicts: [String], earlier: [Merge]) {
            self.submitted = submitted; self.written = written; self.version = version
            self.conflicts = conflicts; self.earlier = earlier
        }

        /// Takes this merge into `current`, the session's board (derived from `submitted`, with
        /// the session's edits since and the earlier merges it took in): the three-way merge of
        /// `current` and `written` over `submitted` with those earlier merges applied. Nothing
        /// is logged: what the merge brought was logged where it was made.
        public func apply(to current: Board) -> Board {
            var base = submitted
            for e in earlier where e.version <= current.mergeBasis { base = e.apply(to: base) }
            var board = BoardMerge.merge(base: base, ours: current, theirs: written).board
            board.mergeBasis = version
            return board
        }
    }

    private let lock = NSLock()
    /// The board submitted last (every later board is derived from it).
    private var submitted: Board
    /// Merges handed out that a board still to come may not have taken in.
    private var recent: [Merge] = []
    /// What the file held after the last read or write here, and its stamp.
    private var onDisk: Board
    private var stamp: FileStamp?
    /// True when the file holds exactly `submitted` (written as it was).
    private var direct = true
    private var nextVersion = 1
    private var merges: [Merge] = []
    /// The stamp of a version of the file that did not parse (not read again until it changes).
    private var unreadable: FileStamp?
    /// Where the next write may create the file (after `allowCreating(at:current:)`).
    private var creatable: URL?

    /// Who the session's user is: merge conflicts are logged as theirs.
    private let user: String
    private let clock: @Sendable () -> Timestamp

    /// `base` is the board as read from `url` (its stamp is taken now); `user` signs the
    /// conflict entries a merge adds; `clock` gives their time (seconds since epoch).
    /// `linesAreItems`: whether the file's lines are known to be its items
    /// (`LoadedBoard.linesAreItems`); without it the first save writes the file whole instead
    /// of splicing into it.
    public init(base: Board, url: URL, user: String = "docket", linesAreItems: Bool = true,
                clock: @escaping @Sendable () -> Timestamp = { Timestamp(Date().timeIntervalSince1970) }) {
        submitted = base
        onDisk = base
        direct = linesAreItems
        self.user = user
        self.clock = clock
        self.stamp = FileStamp(url)
    }

    /// Makes `board` the base of the next write, as if it had been given to `init`: the full
    /// board of a session that opened on a preview (`BoardDecoder.preview`), read from the
    /// bytes the file held when this writer was made. Call it before any write.
    /// `linesAreItems` as for `init` (`LoadedBoard.linesAreItems` of that full read).
    public func begin(with board: Board, linesAreItems: Bool) {
        lock.lock()
        submitted = board
        onDisk = board
        direct = linesAreItems
        lock.unlock()
    }

    /// Writes `ours` to `url`, merged with the file's changes if it changed, under the lock.
    /// Throws `BoardFileGone` (the file was moved, deleted or replaced by a folder),
    /// `BoardStoreError` or `BoardFileError`; nothing is written then.
    public func write(_ ours: Board, to url: URL) throws {
        try BoardLock.withLock(url) { try writeLocked(ours, to: url) }
    }

    private func writeLocked(_ ours: Board, to url: URL) throws {
        lock.lock()
        var base = submitted
        let taken = recent.filter { $0.version > base.mergeBasis && $0.version <= ours.mergeBasis }
        let known = stamp, last = onDisk, direct = self.direct, creatable = self.creatable
        lock.unlock()
        // The common ancestor: the board submitted last with the merges `ours` took in since.
        let tookIn = !taken.isEmpty || ours.mergeBasis != base.mergeBasis
        for m in taken { base = m.apply(to: base) }
        switch BoardFileGone.Kind.of(url) {
        case .regular: break
        case .missing where creatable?.standardizedFileURL == url.standardizedFileURL:
            try BoardStore.writeLocked(ours, to: url)
            learn(ours, written: ours, stamp: FileStamp(url), conflicts: nil)
            return
        case let kind: throw BoardFileGone(url: url, kind: kind)
        }
        let now = FileStamp(url)
        if now == known && direct && !tookIn {
            // The file holds `base` as this session wrote it: splice the changes into it.
            do {
                try BoardStore.writeLocked(ours, over: base, to: url)
                learn(ours, written: ours, stamp: FileStamp(url), conflicts: nil)
            } catch is AtomicFile.SourceChanged {
                // Another program changed it meanwhile: merged with what it holds now.
                try mergeAndWrite(ours, base: base, theirs: nil, stamp: FileStamp(url), to: url)
            }
            return
        }
        try mergeAndWrite(ours, base: base, theirs: now == known ? last : nil, stamp: now, to: url)
    }

    /// Merges `ours` with what the file holds (`theirs`, the board the file held at `stamp`; nil:
    /// read it) and writes the result when it differs from the file. Programs that do not take
    /// the lock (an editor, git) may write the file while the merge runs: the result replaces the
    /// file only if it is still the version merged with, else the merge is made again with the
    /// newer one (`mergeAttempts` times, then `BoardStoreError`: saved on the next try).
    private func mergeAndWrite(_ ours: Board, base: Board, theirs known: Board?, stamp: FileStamp?, to url: URL) throws {
        var now = stamp
        var theirs = try known ?? read(url, stamp: now)
        for attempt in 1...MergingWriter.mergeAttempts {
            let (merged, conflicts, _) = BoardMerge.mergeForWriting(base: base, ours: ours, theirs: theirs, by: user, at: clock())
            if merged != theirs {
                let mergedWith = now
                do { try BoardStore.writeLocked(merged, to: url) { FileStamp(url) == mergedWith } } catch is AtomicFile.SourceChanged {
                    guard attempt < MergingWriter.mergeAttempts else {
                        throw BoardStoreError("\(url.lastPathComponent) kept changing while it was being saved (another program is writing it); not saved yet: your changes are kept and saved on the next try")
                    }
                    now = FileStamp(url)
                    theirs = try read(url, stamp: now)
                    continue
                }
                now = FileStamp(url)
            }
            learn(ours, written: merged, stamp: now, conflicts: merged == ours ? nil : conflicts)
            return
        }
    }

    /// How many times a save merges with a file that changed again before the merge's result
    /// could replace it, before it gives up until the next try (`BoardSaver` keeps the board).
    static let mergeAttempts = 5

    /// Remembers what the file holds now (`written`, at `after`) for the board `ours`; a
    /// merge that brought something `ours` lacks (`conflicts` not nil) is handed out.
    private func learn(_ ours: Board, written: Board, stamp after: FileStamp?, conflicts: [String]?) {
        lock.lock()
        submitted = ours
        onDisk = written
        stamp = after
        creatable = nil
        recent.removeAll { $0.version <= ours.mergeBasis }
        direct = conflicts == nil
        if let conflicts {
            let m = Merge(submitted: ours, written: written, version: nextVersion, conflicts: conflicts, earlier: recent)
            nextVersion += 1
            recent.append(m)
            merges.append(m)
        }
        lock.unlock()
    }

    /// Reads the file that changed elsewhere (giving the file's bytes back as the read goes, as
    /// a session's first read does: the session's own board is in memory meanwhile); a version
    /// that does not parse is remembered and the write refused.
    private func read(_ url: URL, stamp now: FileStamp?) throws -> Board {
        do { return try BoardDecoder.decode(releasingBehind: BoardStore.read(url), url: url).board } catch let e as BoardFileError {
            lock.lock(); unreadable = now; lock.unlock()
            throw BoardStoreError("\(url.lastPathComponent) was changed elsewhere and no longer parses (line \(e.line), column \(e.column): \(e.message)); not overwritten: your changes are kept and saved once it parses again")
        }
    }

    /// After the file was found gone: lets the next write create the board at `url` (the
    /// same path again, or another one). Throws `BoardStoreError` when another file already
    /// exists at another path (it is never overwritten; name a new file).
    public func allowCreating(at url: URL, current: URL) throws {
        if url.standardizedFileURL != current.standardizedFileURL,
           FileManager.default.fileExists(atPath: url.path) {
            throw BoardStoreError("\(url.path) already exists: not overwritten; name a new file")
        }
        lock.lock(); creatable = url; lock.unlock()
    }

    /// True when the file changed since it was last read or written here (and is not the
    /// version already found not to parse); also true when it is gone.
    public func fileChanged(_ url: URL) -> Bool {
        lock.lock(); defer { lock.unlock() }
        let now = FileStamp(url)
        return now != stamp && (now == nil || now != unreadable)
    }

    /// The merges since the last call, oldest first.
    public func takeMerges() -> [Merge] {
        lock.lock(); defer { lock.unlock() }
        let out = merges
        merges = []
        return out
    }
}
