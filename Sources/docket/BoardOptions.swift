import ArgumentParser
import DocketCore
import DocketUI
import Foundation

/// `--board FILE` (`-b`), shared by every subcommand; without it the board is found like
/// git finds `.git`.
struct BoardOptions: ParsableArguments {
    @Option(name: [.customShort("b"), .long], help: "The board file (default: the nearest docket.json).")
    var board: String?

    /// The board's path. Throws `BoardStoreError` when there is none.
    func url(positional: String? = nil) throws -> URL {
        try BoardLocator.resolve(positional ?? board)
    }

    /// The user's records of board files read in full and found sound (`CheckedFiles`), so a
    /// command on a file unchanged since reads only the items it asks for; nil with
    /// `DOCKET_NO_CACHE` set.
    /// A content a record vouched for that does not read as checked stops the command with the
    /// full read's error (path, line, column) and exit code 1, its record forgotten.
    static let checkedFiles: CheckedFiles? = {
        var records = CheckedFiles.forUser(ProcessInfo.processInfo.environment)
        records?.whenWrong = { Docket.fail($0) }
        return records
    }()

    /// Loads the board; throws with the path, line and column when it does not parse.
    /// `forSession`: the board goes on to an open session (freed as it changes), not to a
    /// one-shot command (kept until the process exits: `KeptUntilExit`).
    func load(positional: String? = nil, forSession: Bool = false) throws -> (URL, LoadedBoard) {
        let url = try existingURL(positional: positional)
        // A session keeps its board and walks it often: it is read in full.
        let loaded = try offeringBackup(url) { try BoardStore.load(url, checked: forSession ? nil : BoardOptions.checkedFiles) }
        if !forSession { KeptUntilExit.keep(loaded.board) }
        return (url, loaded)
    }

    /// Loads the board for a session in the terminal: a large board as a preview
    /// (`BoardDecoder.preview`, its first `top` cards of each column in full) with the full
    /// read to run in the background once the first frame is painted (`PendingBoard`), any other as `load` does. Throws like
    /// `load`; the full read's error comes later, through the session (`withBackupOffer`).
    func loadForSession(positional: String? = nil, top: Int) throws -> (URL, LoadedBoard, PendingBoard?) {
        let url = try existingURL(positional: positional)
        let data = try BoardStore.read(url)
        guard let preview = BoardDecoder.preview(data, path: url.path, top: top) else {
            return (url, try offeringBackup(url) { try BoardDecoder.decode(data, path: url.path) }, nil)
        }
        // The full read gives the file's bytes back as it goes (the preview is done with them).
        let pending = PendingBoard { Result { try BoardDecoder.decode(releasingBehind: data, url: url) } }
        return (url, preview, pending)
    }

    /// `error` as `load` would throw it: a board that does not parse also names its `.bak`.
    func withBackupOffer(_ error: Error, url: URL) -> Error {
        do { return try offeringBackup(url) { () throws -> Error in throw error } } catch { return error }
    }

    /// Changes the board with `BoardStore.update` (under the board's lock, on the file as it
    /// is now, so concurrent commands never lose each other's changes); refuses a board
    /// written by a newer Docket. Returns the path and what `change` returns.
    func update<T>(_ change: (inout Board) throws -> T) throws -> (URL, T) {
        let url = try existingURL()
        return (url, try offeringBackup(url) {
            try BoardStore.update(url, checked: BoardOptions.checkedFiles) { board in
                // The board read shares nearly all its storage with this one (copy on write).
                defer { KeptUntilExit.keep(board) }
                return try change(&board)
            }
        })
    }

    /// Loads the board with the repair-tolerant read of `docket check` (duplicate ids and
    /// invalid ranks let through as `ReadDefects`); throws like `load` otherwise.
    func loadForRepair(positional: String? = nil) throws -> (URL, (LoadedBoard, ReadDefects)) {
        let url = try existingURL(positional: positional)
        return (url, try offeringBackup(url) { try BoardStore.loadForRepair(url) })
    }

    /// Repairs the board with `BoardStore.repair` (under the lock, on the file as it is now,
    /// read with the repair-tolerant read). Returns the path and what `change` returns.
    func repair<T>(positional: String? = nil, _ change: (inout Board, ReadDefects) throws -> T) throws -> (URL, T) {
        let url = try existingURL(positional: positional)
        return (url, try BoardStore.repair(url, change))
    }

    /// Runs `body`; when the board does not parse, its error also names the board's `.bak`
    /// (when written, how many items) and the command that restores it (`BoardBackup.offer`).
    private func offeringBackup<T>(_ url: URL, _ body: () throws -> T) throws -> T {
        do { return try body() } catch var e as BoardFileError {
            if let offer = BoardBackup.offer(for: url, shownPath: url.path) { e.message += "; " + offer }
            throw e
        }
    }

    /// The board file: the path given (or the `docket.json` in a folder given), or the
    /// nearest one. Throws `BoardStoreError` saying what is missing.
    private func existingURL(positional: String? = nil) throws -> URL {
        let url = try url(positional: positional)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
            throw BoardStoreError("no board at \(url.path): create one with `docket init \(url.path)`")
        }
        if isDir.boolValue {
            if let inside = BoardLocator.find(from: url), inside.deletingLastPathComponent().path == url.path {
                return inside
            }
            throw BoardStoreError("\(url.path) is a folder with no \(BoardLocator.fileName) in it")
        }
        return url
    }
}

/// Who is making changes, for the activity log: `$DOCKET_USER`, else the login name.
enum CurrentUser {
    static var name: String {
        let env = ProcessInfo.processInfo.environment
        for key in ["DOCKET_USER", "USER", "LOGNAME"] {
            if let v = env[key], !v.isEmpty { return v }
        }
        if let p = getpwuid(getuid()), let n = p.pointee.pw_name { return String(cString: n) }
        return "unknown"
    }
}

/// Seconds since epoch, now.
func nowTimestamp() -> Timestamp { Timestamp(Date().timeIntervalSince1970) }

/// Prints to standard error (made safe when it is a terminal).
func printError(_ text: String) {
    TerminalSafe.printError(text)
}

/// Reads a file the user named; the error says which file and why (a folder, missing, not readable).
func readFile(_ path: String) throws -> Data {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw BoardStoreError("no such file: \(path)") }
    if isDir.boolValue { throw BoardStoreError("\(path) is a folder, not a file") }
    guard let data = FileManager.default.contents(atPath: path) else { throw BoardStoreError("cannot read \(path): permission denied") }
    return data
}
