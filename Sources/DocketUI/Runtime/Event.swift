import DocketCore

/// Everything that can happen to the app; `update` turns each into a new state and effects.
/// Input (keys, pastes, mouse, resizes) comes from the terminal; the rest are the answers of
/// the runtime (`RuntimeLoop`) to effects and to the world: the saver, the file, signals, time.
public enum Event: Equatable, Sendable {
    case key(Key)
    /// Text pasted at once: a bracketed paste, or a burst of text with line breaks that
    /// arrived at once (a terminal without bracketed paste). Line breaks are `\n`.
    case paste(String)
    case mouse(MouseEvent)
    /// The terminal's new size (after SIGWINCH), in cells.
    case resize(Size)
    /// The background saver's state changed (it pushes; nothing polls).
    case saveStatus(SaveState)
    /// `$EDITOR` closed: the new description for `itemID`, or nil when it failed (`error`).
    case editorFinished(itemID: String, text: String?, error: String?)
    /// SIGTERM, SIGHUP or SIGINT arrived, or the terminal went away: save and quit.
    case terminate
    /// Time passed: the moment (seconds since 1970 UTC), delivered at the rate a visible screen
    /// asks for in `AppState.subscriptions`, and only while it asks.
    case tick(Timestamp)
    /// A save found the file changed elsewhere and merged (`MergingWriter.Merge`: what was
    /// written, the conflicts as `BoardMerge` names them). The reducer takes it into the board
    /// on screen with `Merge.apply(to:)` (which keeps the base of the next merge right), in
    /// the order the writer gave the merges.
    case boardMerged(MergingWriter.Merge)
    /// `Effect.write` was taken up: the board is being saved to `path` (nil error), or it was
    /// refused (`error`, e.g. another file is there).
    case writing(path: String, error: String?)
    /// An export asked for by `Effect.export` was written: its format and the absolute path.
    case exportFinished(format: String, path: String)
    /// An export could not be written: the reason, for the user.
    case exportFailed(String)
    /// The theme asked for by `Effect.setTheme` is in use now (its name).
    case themeLoaded(String)
    /// The theme could not be loaded: the reason, for the user.
    case themeFailed(String)
    /// The app has the terminal again after Ctrl-Z (`fg`) or `$EDITOR`; the terminal's size now
    /// (it may have changed meanwhile).
    case resumed(Size)
    /// A background job finished (`Effect.compute`).
    case computed(BackgroundResult)
    /// The full board of a session that opened on a preview (`PendingBoard`): it replaces the
    /// preview, which nothing has changed.
    case boardLoaded(Board)
    /// While a preview is on screen, the runtime holds back input (`PendingBoard`): this many
    /// keys, pastes and clicks wait for the whole board.
    case inputHeld(Int)
}

/// Whether the board on disk matches the board in memory.
public enum SaveState: Equatable, Sendable {
    case saved
    case saving
    case failed(String)
    /// The board may not be saved: written by a newer Docket (edits are refused), or the file
    /// or its folder is not writable (edits are kept in memory and saved once it is).
    case readOnly(String)
}
