import DocketCore
import Foundation

/// The work behind effects that is not the terminal's: the editor, themes, exports, stopping
/// the process, and whether the board file may be written. Real ones come from
/// DocketTerminal; tests pass fakes.
public struct LoopServices {
    /// Runs `$VISUAL`/`$EDITOR` on `text` (the terminal is given back meanwhile); returns the
    /// edited text. Throws when the editor cannot start or fails.
    public var editText: (_ text: String, _ name: String) throws -> String
    /// Loads a theme by built-in name or file path; throws `ThemeError` naming the problem.
    public var loadTheme: (String) throws -> Theme
    /// Writes the export asked for; returns where it went. Throws naming the problem.
    public var export: (_ board: Board, _ format: String, _ path: String, _ query: String?, _ now: Timestamp, _ today: String) throws -> URL
    /// Stops the process as Ctrl-Z would (SIGTSTP); returns after `fg`.
    public var stopProcess: () -> Void
    /// Why the board file cannot be written now (nil when it can, or when there is no file).
    public var whyNotWritable: () -> String?
    /// Runs `work` off the loop's thread and wakes the loop when it is done (the real one: a
    /// global queue and the wake-up pipe). The default runs it at once, for tests.
    public var background: (@escaping @Sendable () -> Void) -> Void
    /// Gives memory the process freed back to the system (after a preview of a large board is
    /// replaced by the full board, after a merge is taken in: tens of MiB at 100,000 items).
    /// The default does nothing.
    public var returnFreedMemory: () -> Void

    public init(editText: @escaping (_ text: String, _ name: String) throws -> String,
                loadTheme: @escaping (String) throws -> Theme = { try ThemeLoader.load($0) },
                export: @escaping (_ board: Board, _ format: String, _ path: String, _ query: String?, _ now: Timestamp, _ today: String) throws -> URL,
                stopProcess: @escaping () -> Void,
                whyNotWritable: @escaping () -> String? = { nil },
                background: @escaping (@escaping @Sendable () -> Void) -> Void = { $0() },
                returnFreedMemory: @escaping () -> Void = {}) {
        self.editText = editText; self.loadTheme = loadTheme; self.export = export
        self.stopProcess = stopProcess; self.whyNotWritable = whyNotWritable; self.background = background
        self.returnFreedMemory = returnFreedMemory
    }

    /// Writes `board` (filtered by `query`, a query-language string) as `format` (json, csv,
    /// markdown, report) to `path`, relative to the board's folder `relativeTo` (the current
    /// folder when nil). Returns the absolute URL written. Throws `QueryError` for a bad query,
    /// or what `ExportFile.write` throws.
    public static func exportBoard(_ board: Board, format: String, path: String, query: String?, now: Timestamp,
                                   today: String, boardFile: URL?) throws -> URL {
        let request = ExportRequest(format: ExportFormat(rawValue: format) ?? .json,
                                    query: try query.map { try Query.parse($0) }, now: now, today: today)
        let url = URL(fileURLWithPath: path, relativeTo: boardFile?.deletingLastPathComponent()).standardizedFileURL
        try ExportFile.write(try BoardExport.render(board, request), to: url, board: boardFile)
        return url
    }
}
