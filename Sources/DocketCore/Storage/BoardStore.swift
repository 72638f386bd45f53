import Foundation

/// Loads and saves board files. Every write runs under the board's advisory lock
/// (`BoardLock`), keeps the replaced version as `<name>.bak` and removes temporary files that
/// killed processes left behind.
public enum BoardStore {
    /// Reads and parses a board file. Throws `BoardStoreError` when it cannot be read and
    /// `BoardFileError` (path, line, column, what was expected) when it does not parse.
    ///
    /// With `checked` (the user's records, `CheckedFiles`), a file whose content was read in
    /// full and found sound before is read lazily (`BoardReader+Checked`: the same board, its
    /// items parsed when asked for), and a file read in full is recorded.
    public static func load(_ url: URL, checked: CheckedFiles? = nil) throws -> LoadedBoard {
        try decode(read(url), url, checked: checked)
    }

    /// Reads a board file with the repair-tolerant read (`BoardDecoder.decodeForRepair`), for
    /// `docket check`. Throws like `load` for every other problem.
    public static func loadForRepair(_ url: URL) throws -> (LoadedBoard, ReadDefects) {
        try BoardDecoder.decodeForRepair(read(url), path: url.path)
    }

    /// Repairs the board at `url`: under the lock, reads it with `loadForRepair`, calls
    /// `change` with its board and defects, and writes the result when it differs from the
    /// file (always when the read found defects). Throws like `update`; nothing is written then.
    @discardableResult
    public static func repair<T>(_ url: URL, _ change: (inout Board, ReadDefects) throws -> T) throws -> T {
        try BoardLock.withLock(url) {
            let (loaded, defects) = try loadForRepair(url)
            if let why = loaded.readOnlyReason { throw DocketError.readOnly(why) }
            var board = loaded.board
            let result = try change(&board, defects)
            if board != loaded.board || !defects.isEmpty { try writeLocked(board, to: url) }
            return result
        }
    }

    /// The bytes of the board file at `url` (for a caller that previews them before decoding,
    /// `BoardDecoder.preview`). Throws `BoardStoreError` when it cannot be read.
    public static func read(_ url: URL) throws -> Data {
        do { return try FileRead.whole(url) } catch let notAFile as FileRead.NotAFile {
            throw BoardStoreError("cannot read \(url.path): it is \(notAFile.kind), not a board file")
        } catch {
            throw BoardStoreError("cannot read \(url.path): \((error as NSError).localizedDescription)")
        }
    }

    /// Writes `board` canonically and atomically to `url`, replacing whatever is there (use
    /// `update` to change a board without losing what others wrote). Throws `BoardStoreError`;
    /// the file is untouched then.
    public static func save(_ board: Board, to url: URL) throws {
        try BoardLock.withLock(url) { try writeLocked(board, to: url) }
    }

    /// Changes the board at `url` without losing anyone's update: under the lock, reads the
    /// file, calls `change` on its board, and writes the result when it differs. Returns what
    /// `change` returns.
    ///
    /// Throws `BoardStoreError` (cannot read, lock or write), `BoardFileError` (does not parse),
    /// `DocketError.readOnly` (written by a newer Docket) or what `change` throws; nothing is
    /// written then. A terminating signal (Ctrl-C) that arrives during the write takes effect
    /// once the write is done (`HeldSignals`).
    ///
    /// With `checked`, the file is read as `load` reads it then, and the bytes written are
    /// recorded as sound when they were spliced into a content whose lines are its items and
    /// every line encoded anew is one item line (`BoardSplice.encodedLinesAreItems`).
    @discardableResult
    public static func update<T>(_ url: URL, checked: CheckedFiles? = nil, _ change: (inout Board) throws -> T) throws -> T {
        try BoardLock.withLock(url) {
            let file = try read(url)
            let loaded = try decode(file, url, checked: checked)
            if let why = loaded.readOnlyReason { throw DocketError.readOnly(why) }
            var board = loaded.board
            let result = try change(&board)
            if board.differs(fromRead: loaded.board) {
                // Only a content whose lines are its items is spliced into (else written whole).
                let sound = loaded.linesAreItems || (checked == nil && BoardReader.readsLazilyAsIs(file, loaded.board))
                let recorded = checked != nil && sound && BoardSplice.encodedLinesAreItems(board, since: loaded.board)
                // Ctrl-C meanwhile ends the program once the file is replaced, nothing left behind
                // (held here too: the write may run on a worker while this thread hashes, and the record).
                try HeldSignals.during {
                    let written = try writeLocked(board, splicedInto: sound ? file : nil, readAs: loaded.board, to: url, hashing: recorded)
                    if let checked, written.spliced, let hash = written.hash {
                        checked.remember(AtomicFile.linkTarget(of: url).path, size: written.size, hash: hash)
                    }
                }
            }
            return result
        }
    }

    /// `data` (the file at `url`) decoded: lazily when `checked` vouches for that content, else
    /// in full, and then recorded in `checked` when sound and read lazily as it was read in full
    /// (`BoardReader.readsLazilyAsIs`). Throws `BoardFileError` like `BoardDecoder.decode`.
    static func decode(_ data: Data, _ url: URL, checked: CheckedFiles?) throws -> LoadedBoard {
        guard let checked else { return try BoardDecoder.decode(data, path: url.path) }
        let target = AtomicFile.linkTarget(of: url).path
        // With a record for this size, the lazy read on one core while the other hashes the
        // content: the read is used only if the record vouches for what it read.
        if let recorded = checked.recordedHash(for: target, size: data.count) {
            let (lazy, hash) = try Parallel.both({ BoardReader.checked(data, path: url.path, records: checked, recordPath: target) },
                                                 { ContentHash.of(data) })
            if hash == recorded, let lazy { return lazy }
        }
        var loaded = try BoardDecoder.decode(data, path: url.path)
        if loaded.readOnlyReason == nil, loaded.linesAreItems || BoardReader.readsLazilyAsIs(data, loaded.board) {
            loaded.linesAreItems = true
            checked.remember(target, data)
        }
        return loaded
    }

    /// Writes a new board to `url`, which must not exist yet (checked under the lock, so two
    /// processes creating the same board cannot overwrite each other). Throws
    /// `BoardStoreError` when it exists or cannot be written.
    public static func create(_ board: Board, at url: URL) throws {
        try BoardLock.withLock(url) {
            guard !FileManager.default.fileExists(atPath: url.path) else {
                throw BoardStoreError("\(url.path) already exists; nothing changed")
            }
            try writeLocked(board, to: url)
        }
    }

    /// The write itself, for callers that already hold `BoardLock` for `url`. With `unchanged`,
    /// the file is replaced only while it says the file is still the version the caller read
    /// (programs that do not take the lock, such as an editor or git, may have written it
    /// since); `AtomicFile.SourceChanged` is thrown otherwise, nothing replaced.
    static func writeLocked(_ board: Board, to url: URL, unless unchanged: (() -> Bool)? = nil) throws {
        AtomicFile.removeStaleTemporaries(of: url)
        try AtomicFile.write(BoardEncoder.encode(board), to: url, backup: true, unless: unchanged)
    }
}
