import Foundation

extension BoardStore {
    /// The write of `update`, for callers that hold `BoardLock` for `url`: `board` spliced
    /// into `file`, the bytes `old` was read from (`BoardSplice`: unchanged item lines are
    /// copied, not encoded again), or encoded whole when the file is not in the canonical
    /// layout. Either way the same bytes as `writeLocked(board, to: url)` for a canonical file,
    /// through the same atomic write. Without `file` (a content whose lines are not known to be
    /// its items) the board is encoded whole. Returns the bytes written and whether they were
    /// spliced. Throws `BoardStoreError`; the file is untouched then.
    @discardableResult
    static func writeLocked(_ board: Board, splicedInto file: Data?, readAs old: Board, to url: URL) throws -> (bytes: [UInt8], spliced: Bool) {
        let spliced = file?.withUnsafeBytes { raw in
            BoardSplice.bytes(of: board, old: old, file: raw.bindMemory(to: UInt8.self))
        }
        let bytes = spliced ?? BoardEncoder.encode(board)
        AtomicFile.removeStaleTemporaries(of: url)
        try AtomicFile.write(bytes, to: url, backup: true)
        return (bytes, spliced != nil)
    }

    /// The write of an open board's save, for callers that hold `BoardLock` for `url` and know
    /// that the file holds `old` as this session wrote it: `board` spliced into the file's
    /// bytes (unchanged lines copied; see `BoardSplice.bytes`), or encoded whole when
    /// the file cannot be read or is not in the canonical layout. The same bytes as
    /// `writeLocked(board, to: url)` either way. Throws `BoardStoreError`; the file is untouched then.
    static func writeLocked(_ board: Board, over old: Board, to url: URL) throws {
        let file = try? FileRead.whole(url)
        let spliced = file?.withUnsafeBytes { raw in
            BoardSplice.bytes(of: board, old: old, file: raw.bindMemory(to: UInt8.self))
        }
        AtomicFile.removeStaleTemporaries(of: url)
        try AtomicFile.write(spliced ?? BoardEncoder.encode(board), to: url, backup: true)
    }
}
