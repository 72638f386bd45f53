import Foundation

extension BoardStore {
    /// The write of `update`, for callers that hold `BoardLock` for `url`: `board` spliced
    /// into `file`, the bytes `old` was read from (`BoardSplice`: unchanged item lines are
    /// copied, not encoded again, and long runs of them written straight from `file`), or
    /// encoded whole when the file is not in the canonical layout. Either way the same bytes as
    /// `writeLocked(board, to: url)` for a canonical file, through the same atomic write.
    /// Without `file` (a content whose lines are not known to be its items) the board is
    /// encoded whole. With `hashing`, a splice's `ContentHash` is taken while it is written
    /// (on the other core). Returns whether the bytes were spliced, and then their size and
    /// hash. Throws `BoardStoreError`; the file is untouched then.
    @discardableResult
    static func writeLocked(_ board: Board, splicedInto file: Data?, readAs old: Board, to url: URL,
                            hashing: Bool = false) throws -> (spliced: Bool, size: Int, hash: UInt64?) {
        AtomicFile.removeStaleTemporaries(of: url)
        let spliced = try file?.withUnsafeBytes { raw -> (Int, UInt64?)? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let runs = BoardSplice.runs(of: board, old: old, file: bytes) else { return nil }
            return try runs.withPieces(of: bytes) { pieces in
                let write = { try AtomicFile.write(pieces: pieces, to: url, backup: true) }
                guard hashing else { try write(); return (runs.count, nil) }
                return (runs.count, try Parallel.both(write) { ContentHash.of(pieces: pieces) }.1)
            }
        } ?? nil
        if let spliced { return (true, spliced.0, spliced.1) }
        let whole = BoardEncoder.encode(board)
        try AtomicFile.write(whole, to: url, backup: true)
        return (false, whole.count, nil)
    }

    /// The write of an open board's save, for callers that hold `BoardLock` for `url` and know
    /// that the file holds `old` as this session wrote it: `board` spliced into the file
    /// without reading it whole (`BoardSplice.runs(of:old:reading:)`: the layout read a window
    /// at a time, unchanged runs copied file to file by the kernel), else spliced into the
    /// file read whole (`BoardSplice.runs`), else encoded whole when the file cannot be read or
    /// is not in the canonical layout. The same bytes as `writeLocked(board, to: url)` every
    /// way. Throws `BoardStoreError`, or `AtomicFile.SourceChanged` when the file changed while
    /// it was spliced into (rewritten in place, or replaced: read it again and merge); the file
    /// is untouched then.
    static func writeLocked(_ board: Board, over old: Board, to url: URL) throws {
        if let file = DescriptorFile(url), let runs = BoardSplice.runs(of: board, old: old, reading: file) {
            AtomicFile.removeStaleTemporaries(of: url)
            try withExtendedLifetime(file) {
                try runs.withFilePieces(fd: file.fd) { try AtomicFile.write(pieces: $0, to: url, backup: true, unless: file.unchanged) }
            }
            return
        }
        try writeLocked(board, splicedInto: try? FileRead.whole(url), readAs: old, to: url)
    }
}
