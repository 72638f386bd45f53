import Foundation

/// The checked read (issue 16: a command's work proportional to what it touches): a board file
/// in the canonical layout that a full read already found sound in this very version
/// (`CheckedFiles`) is read without reading its items and activity entries. The header is read
/// as always; each item line is found (a scan for newlines) and its id checked, and it stays in
/// the file's bytes (`FileItems`), read in full when the command asks for that item, skimmed for
/// what places it on the board only when a column is first asked for (`DeferredColumnIndex`); the activity log stays on its lines (`FileActivity`) until an entry is
/// asked for. The board is equal to the full read's in every respect (`BoardCheckedReadTests`);
/// only the cost of asking differs.
extension BoardReader {
    /// The checked read of `data` (the file at `path`), nil when it is not in the canonical
    /// layout or its items are not in strictly increasing id order (read it in full then).
    /// `records` and `recordPath` (the file as they name it) say what to do if a line turns out
    /// not to read as it was checked (`WrongRecord`; without them the program stops).
    static func checked(_ data: Data, path: String, records: CheckedFiles? = nil, recordPath: String? = nil) -> LoadedBoard? {
        let wrong = WrongRecord(records: records, recordPath: recordPath ?? path, shownPath: path, data: data)
        var loaded = try? data.withUnsafeBytes { raw in
            var s = JSONScanner(raw.bindMemory(to: UInt8.self))
            var defects = ReadDefects()
            return try read(&s, data: data, tolerant: false, checked: wrong, defects: &defects)
        }
        loaded?.linesAreItems = true
        return loaded
    }

    /// Whether the checked read of `data` gives exactly `board` (its full read, of a board too
    /// small to be read on both cores, which says so itself: `LoadedBoard.linesAreItems`): the
    /// same number of items and activity entries, and each item line read alone gives the item
    /// of `board` whose id its first `"id"` names, byte for byte (a line holding two items, ids
    /// given twice or swapped, an id that is not valid UTF-8 fail). Only then is a file
    /// recorded as sound (`CheckedFiles`) for later lazy reads. False for larger boards.
    static func readsLazilyAsIs(_ data: Data, _ board: Board) -> Bool {
        guard board.items.count < readAheadMinimum, let lazy = checked(data, path: ""),
              lazy.board.items.count == board.items.count, lazy.board.activity.count == board.activity.count,
              lazy.board.activity.lines.map({ BoardReader.activity(data, $0) == board.activity }) ?? true else { return false }
        return lazy.board.items.linesAreItems(of: board.items)
    }

    /// The items' list at `itemsAt` as a store on the file's lines, and the offset after its
    /// `]`. Throws `NotPreviewable` for another layout.
    static func checkedItems(_ wrong: WrongRecord, _ bytes: UnsafeBufferPointer<UInt8>, itemsAt: Int) throws -> (store: ItemStore, end: Int) {
        var at = itemsAt
        guard let lines = CanonicalLines.list(bytes, &at), let file = FileItems.make(wrong, lines: lines) else {
            throw NotPreviewable()
        }
        return (ItemStore(file: file), at)
    }

    /// The activity list at `at` as a log on the file's lines, and the offset after its `]`.
    /// Throws `NotPreviewable` for another layout.
    static func checkedActivity(_ wrong: WrongRecord, _ bytes: UnsafeBufferPointer<UInt8>, at: Int) throws -> (log: ActivityLog, end: Int) {
        var end = at
        guard let lines = CanonicalLines.list(bytes, &end) else { throw NotPreviewable() }
        return (ActivityLog(file: FileActivity(wrong, lines: lines)), end)
    }
}
