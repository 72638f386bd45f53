/// Work `update` asks the outside world to do; the Screen's loop runs it.
public enum Effect: Equatable, Sendable {
    /// Save the board (the saver coalesces saves that pile up).
    case save
    /// Open `text` in `$VISUAL`/`$EDITOR`; the result comes back as `Event.editorFinished`.
    case editDescription(itemID: String, text: String)
    /// Save, restore the terminal and exit.
    case quit
    /// Switch to another theme (a built-in name or a file); failures come back as a status.
    case setTheme(String)
    /// Write the board (with the filter in force, if any) to `path` in `format`
    /// (json, csv, markdown, report); the outcome comes back as a status.
    case export(format: String, path: String, query: String?)
    /// Save the board where it was loaded from even though its file was moved or deleted
    /// (`path` nil), or to the new file `path` and go on there (`:write [FILE]`); the outcome
    /// comes back as the save status.
    case write(path: String?)
}
