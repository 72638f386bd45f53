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
    static func checked(_ data: Data, path: String) -> LoadedBoard? {
        try? data.withUnsafeBytes { raw in
            var s = JSONScanner(raw.bindMemory(to: UInt8.self))
            var defects = ReadDefects()
            return try read(&s, data: data, tolerant: false, checked: path, defects: &defects)
        }
    }

    /// Whether the checked read of `data` gives exactly `board` (its full read) where the two
    /// could part: the same number of items and activity entries, and each item line's first
    /// `"id"` the id of an item of `board`, byte for byte (a line holding two items, an id given
    /// twice in one item or an id that is not valid UTF-8 fail). Only then is a file recorded as
    /// sound (`CheckedFiles`) for later lazy reads.
    static func readsLazilyAsIs(_ data: Data, _ board: Board) -> Bool {
        guard let lazy = checked(data, path: ""), lazy.board.items.count == board.items.count,
              lazy.board.activity.count == board.activity.count else { return false }
        return lazy.board.items.linesMatch(board.items)
    }

    /// The items' list at `itemsAt` as a store on the file's lines, and the offset after its
    /// `]`. Throws `NotPreviewable` for another layout.
    static func checkedItems(_ data: Data, _ bytes: UnsafeBufferPointer<UInt8>, itemsAt: Int, path: String) throws -> (store: ItemStore, end: Int) {
        var at = itemsAt
        guard let lines = CanonicalLines.list(bytes, &at), let file = FileItems.make(path: path, data: data, lines: lines) else {
            throw NotPreviewable()
        }
        return (ItemStore(file: file), at)
    }

    /// The activity list at `at` as a log on the file's lines, and the offset after its `]`.
    /// Throws `NotPreviewable` for another layout.
    static func checkedActivity(_ data: Data, _ bytes: UnsafeBufferPointer<UInt8>, at: Int, path: String) throws -> (log: ActivityLog, end: Int) {
        var end = at
        guard let lines = CanonicalLines.list(bytes, &end) else { throw NotPreviewable() }
        return (ActivityLog(file: FileActivity(path: path, data: data, lines: lines)), end)
    }
}
