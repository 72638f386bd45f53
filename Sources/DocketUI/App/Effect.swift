/// Work `update` asks the outside world to do; the runtime (`RuntimeLoop`) runs it and answers
/// with events (`Event.saveStatus`, `.editorFinished`, `.exportFinished`, `.themeLoaded`,
/// `.resumed`…), so every change of the state goes through `update`.
public enum Effect: Equatable, Sendable {
    /// Save the board (the saver coalesces saves that pile up); the saver's state comes back
    /// as `Event.saveStatus`, a merge with changes made elsewhere as `Event.boardMerged`.
    case save
    /// Open `text` in `$VISUAL`/`$EDITOR`; the result comes back as `Event.editorFinished`,
    /// then `Event.resumed`.
    case editDescription(itemID: String, text: String)
    /// The one way to end the session: the runtime waits for the saver to finish (saving
    /// first), restores the terminal and exits.
    case quit
    /// Switch to another theme (a built-in name or a file); the outcome comes back as
    /// `Event.themeLoaded` or `Event.themeFailed`.
    case setTheme(String)
    /// Write the board (with the filter in force, if any) to `path` in `format`
    /// (json, csv, markdown, report); the outcome comes back as `Event.exportFinished` or
    /// `Event.exportFailed`.
    case export(format: String, path: String, query: String?)
    /// Save the board where it was loaded from even though its file was moved or deleted
    /// (`path` nil), or to the new file `path` and go on there (`:write [FILE]`); the outcome
    /// comes back as `Event.writing`, then the save status.
    case write(path: String?)
    /// Give the terminal back to the shell and stop the process (Ctrl-Z); after `fg` the
    /// runtime takes the terminal again and sends `Event.resumed`.
    case suspend
    /// Run `job` off the key path; its result comes back as `Event.computed`.
    case compute(BackgroundJob)
}
