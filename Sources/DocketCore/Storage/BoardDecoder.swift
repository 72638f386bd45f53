import Foundation

/// Why a board file could not be read. `line` and `column` are 1-based (0 when unknown).
public struct BoardFileError: Error, CustomStringConvertible, Equatable, Sendable {
    public var path: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path; self.line = line; self.column = column; self.message = message
    }

    /// `path:line:column: message`, leaving out the parts that are unknown (`path:line: …`).
    public var description: String {
        if line > 0 && column > 0 { return "\(path):\(line):\(column): \(message)" }
        return line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)"
    }
}

/// A board read from a file, and whether it may be written back.
public struct LoadedBoard: Sendable {
    public var board: Board
    /// The file's format version; above `Board.formatVersion` the board opens read-only.
    public var version: Int
    /// The full read found the canonical layout exactly as the checked read takes it: one item
    /// per item line, each line's first `"id"` that item's id byte for byte, one entry per
    /// activity line (`BoardReader+Lines`). Only such a content is recorded as sound for later
    /// lazy reads (`CheckedFiles`); without it `BoardReader.readsLazilyAsIs` decides.
    public internal(set) var linesAreItems = false
    public var readOnlyReason: String? {
        version > Board.formatVersion
            ? "written by a newer Docket (format \(version); this one writes format \(Board.formatVersion))" : nil
    }
}

/// Reads the board file format written by `BoardEncoder` (and any JSON with the same keys,
/// whatever its layout). Throws `BoardFileError` with the line and column of the problem.
public enum BoardDecoder {
    public static func decode(_ data: Data, path: String) throws -> LoadedBoard {
        try BoardReader.read(data, path: path)
    }

    /// `decode` of a large file's bytes that gives them back to the system as it reads them
    /// (`ReleaseBehind`; a session's full read: the file and the whole board are then never
    /// held at once). `data` must be `BoardStore.read`'s, and must not be read again by anyone
    /// afterwards. When the read cannot finish on what is left (anything that is not a board in
    /// the canonical layout, or an error after bytes were given back, whose place could no
    /// longer be told), the file at `url` is read again and decoded as `decode` does, so the
    /// outcome is always `decode`'s of the file (as it is then: should it have changed since
    /// `data` was read, a session's writer sees another version and merges, as for any change
    /// made elsewhere). Throws as `decode` does.
    public static func decode(releasingBehind data: Data, url: URL) throws -> LoadedBoard {
        guard let release = ReleaseBehind(data) else { return try decode(data, path: url.path) }
        return try decode(data, givingBack: release, url: url)
    }

    /// `decode(releasingBehind:url:)` with the `ReleaseBehind` of `data`.
    static func decode(_ data: Data, givingBack release: ReleaseBehind, url: URL) throws -> LoadedBoard {
        do {
            return try BoardReader.read(data, path: url.path, tolerant: false, giveBack: release).board
        } catch {
            guard release.happened else { throw error }
            return try decode(try BoardStore.read(url), path: url.path)
        }
    }

    /// A preview of a large board for a first frame (`BoardReader+Preview`): the header, each
    /// column's count and points (`Board.openCount(inStage:)`, `points(inStage:)`) and its
    /// first `top` cards in full, no other item, no activity log. Nil for a board that shows
    /// card ages (they come from the log), and
    /// for a board under 5,000 items, one not in the canonical layout (anything Docket wrote
    /// is), or one with anything wrong (`decode` then says what). Never to be saved or edited:
    /// `decode` of the same data gives the board.
    public static func preview(_ data: Data, path: String, top: Int) -> LoadedBoard? {
        BoardReader.preview(data, path: path, top: top)
    }

    /// The fewest items a board must have to be previewed (`preview`).
    public static let previewMinimum = BoardReader.previewMinimum

    /// `decode` on one thread: the canonical layout's lines are not read ahead on every core
    /// (the same board and the same errors; for tests and benchmarks that compare the two).
    public static func decodeSequentially(_ data: Data, path: String) throws -> LoadedBoard {
        try BoardReader.read(data, path: path, tolerant: false, readAhead: false).board
    }

    /// The repair-tolerant read of `docket check`: like `decode`, but two items with one id
    /// and invalid ranks are let through and returned as `ReadDefects` (the later item of an
    /// id gets a fresh id). Throws `BoardFileError` for anything else.
    public static func decodeForRepair(_ data: Data, path: String) throws -> (LoadedBoard, ReadDefects) {
        let (board, defects) = try BoardReader.read(data, path: path, tolerant: true)
        return (board, defects)
    }

    /// A decoding error as the user should read it: what is wrong and its line and column in
    /// `data` (shared with the importers, which read other tools' JSON the same way).
    static func describe(_ error: DecodingError, data: Data, path: String) -> BoardFileError {
        switch error {
        case .dataCorrupted(let ctx) where ctx.codingPath.isEmpty:
            let text = ctx.debugDescription + " " + (ctx.underlyingError.map { String(describing: $0) } ?? "")
            var (line, column) = lineAndColumn(in: text) ?? (0, 0)
            var message = "not valid JSON"
            if let r = text.range(of: #"Unexpected [^.]*|Unexpected end of file|Invalid [^.]*|Unterminated [^.]*|Expected [^.]*"#, options: .regularExpression) {
                message += ": " + text[r].trimmingCharacters(in: .whitespaces)
            }
            if line == 0, let found = JSONLocator.syntaxError(in: data) {
                // This platform's JSONDecoder gives no position: ask JSONSerialization.
                (line, column) = (found.line, found.column)
                if message == "not valid JSON" { message += ": " + found.reason }
            }
            return BoardFileError(path: path, line: line, column: column, message: message)
        case .keyNotFound(let key, let ctx):
            return located(ctx.codingPath, data: data, path: path, "missing field \"\(key.stringValue)\"")
        case .typeMismatch(let type, let ctx), .valueNotFound(let type, let ctx):
            return located(ctx.codingPath, data: data, path: path, "\(pathText(ctx.codingPath)): expected \(typeName(type))")
        case .dataCorrupted(let ctx):
            return located(ctx.codingPath, data: data, path: path, "\(pathText(ctx.codingPath)): \(ctx.debugDescription)")
        @unknown default:
            return BoardFileError(path: path, line: 0, column: 0, message: "\(error)")
        }
    }

    private static func typeName(_ t: Any.Type) -> String {
        switch t {
        case is String.Type: return "text"
        case is Double.Type, is Int.Type, is Int64.Type: return "a number"
        case is Bool.Type: return "true or false"
        default: return "\(t)"
        }
    }

    private static func pathText(_ path: [CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }

    /// The position of the element a coding path points at, found by scanning the JSON text.
    private static func located(_ codingPath: [CodingKey], data: Data, path: String, _ message: String) -> BoardFileError {
        let (line, column) = JSONLocator.position(of: codingPath, in: data) ?? (0, 0)
        return BoardFileError(path: path, line: line, column: column, message: message)
    }

    private static func lineAndColumn(in text: String) -> (Int, Int)? {
        guard let r = text.range(of: #"line (\d+), column (\d+)"#, options: .regularExpression) else { return nil }
        let nums = text[r].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        return nums.count == 2 ? (nums[0], nums[1]) : nil
    }
}
