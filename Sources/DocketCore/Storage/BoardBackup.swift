import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `.bak` every save keeps beside a board (the version it replaced; `AtomicFile`): what a
/// damaged board's error offers, and `docket check --restore-backup`, which puts it back.
public enum BoardBackup {
    /// A backup that parses: where it is, when it was written (seconds since epoch, its
    /// modification time) and how many items it holds.
    public struct Info: Equatable, Sendable {
        public var url: URL
        public var written: Timestamp
        public var items: Int

        /// "docket.json.bak (written 2026-12-06T01:02:03Z, 12 items)".
        public var summary: String {
            "\(url.lastPathComponent) (written \(ISODate.format(written)), \(items) item\(items == 1 ? "" : "s"))"
        }
    }

    /// The backup of the board at `url`, when one exists and parses; nil otherwise.
    public static func info(of url: URL) -> Info? {
        let bak = AtomicFile.backupURL(of: url)
        var st = stat()
        guard stat(bak.path, &st) == 0, let loaded = try? BoardStore.load(bak) else { return nil }
        return Info(url: bak, written: Timestamp(st.st_mtim.tv_sec), items: loaded.board.items.count)
    }

    /// What to add to the error of a board at `url` that does not parse: the backup, when it
    /// was written, its item count and the command that restores it (the board named as
    /// `shownPath`). Nil when there is no backup that parses.
    public static func offer(for url: URL, shownPath: String) -> String? {
        guard let info = info(of: url) else { return nil }
        return "the previous version is kept in \(info.summary): `docket check --restore-backup -b \(shownPath)` puts it back (the damaged file is kept beside it)"
    }

    /// Puts the backup of the damaged board at `url` back, under the board's lock: the damaged
    /// file is first renamed to `<name>.damaged-<UTC time>` (kept, never deleted), then the
    /// backup's bytes are written atomically in its place (the `.bak` stays). Returns the
    /// backup restored and where the damaged file went.
    ///
    /// Throws `BoardStoreError` when the board parses (nothing to restore: a board that works
    /// is never replaced by an older one), when there is no backup or it does not parse, or
    /// when a file cannot be renamed or written; the board is untouched then.
    public static func restore(_ url: URL, at time: Timestamp) throws -> (backup: Info, damagedKeptAs: URL) {
        try BoardLock.withLock(url) {
            let target = AtomicFile.linkTarget(of: url)
            if let loaded = try? BoardStore.load(target) {
                throw BoardStoreError("\(target.path) parses (\(loaded.board.items.count) items): nothing restored; --restore-backup only replaces a board that does not parse")
            }
            guard let info = info(of: target) else {
                throw BoardStoreError("no backup to restore: \(AtomicFile.backupURL(of: target).path) is missing or does not parse")
            }
            let bytes = try Data(contentsOf: info.url)
            let stamp = ISODate.format(time).filter { $0.isNumber || $0 == "T" || $0 == "Z" }
            let kept = target.deletingLastPathComponent().appendingPathComponent(target.lastPathComponent + ".damaged-" + stamp)
            if FileManager.default.fileExists(atPath: target.path) {
                guard !FileManager.default.fileExists(atPath: kept.path), rename(target.path, kept.path) == 0 else {
                    throw BoardStoreError("cannot keep the damaged board as \(kept.path): \(String(cString: strerror(errno))); nothing restored")
                }
            }
            try AtomicFile.write([UInt8](bytes), to: target)
            return (info, kept)
        }
    }
}
