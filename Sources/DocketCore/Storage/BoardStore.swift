import Foundation

/// Loads and saves board files.
public enum BoardStore {
    /// Reads and parses a board file. Throws `BoardStoreError` when it cannot be read and
    /// `BoardFileError` (path, line, column, what was expected) when it does not parse.
    public static func load(_ url: URL) throws -> LoadedBoard {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw BoardStoreError("cannot read \(url.path): \((error as NSError).localizedDescription)")
        }
        return try BoardDecoder.decode(data, path: url.path)
    }

    /// Writes `board` canonically and atomically to `url`. Throws `BoardStoreError`.
    public static func save(_ board: Board, to url: URL) throws {
        try AtomicFile.write(BoardEncoder.encode(board), to: url)
    }
}
