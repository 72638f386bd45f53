/// What the runtime needs from a terminal: its size, painting, giving it back for a while,
/// a theme, and waiting. The real one (DocketTerminal's `PollingTerminal`) sleeps in poll(2)
/// over the terminal's input, a signal self-pipe, the saver's wake-up and the board file's
/// watch; tests use a scripted fake that records what is painted.
public protocol LoopTerminal: AnyObject {
    /// The terminal's size now, in cells.
    var size: Size { get }
    /// Paints `canvas` (only what changed, then one refresh).
    func paint(_ canvas: Canvas)
    /// Paints with `theme` from now on.
    func setTheme(_ theme: Theme)
    /// Gives the terminal back to the shell (normal screen, cooked mode), runs `body` (an
    /// editor, a stop for Ctrl-Z), then takes the terminal again and forgets what is on screen.
    func suspended(_ body: () -> Void)
    /// Blocks until something happens, or `timeout` milliseconds pass (nil: no timeout, sleep
    /// until input, a signal, the saver or the file). Returns what happened, oldest first;
    /// empty when the timeout passed.
    func wait(timeout: Int?) -> [Wake]
}

/// What woke the runtime.
public enum Wake: Equatable, Sendable {
    /// Decoded input and resizes.
    case events([Event])
    /// A termination signal (SIGTERM, SIGHUP, SIGINT…): save and quit, exiting 128 + signal.
    case signal(Int32)
    /// The terminal went away (end of input, hang-up): save and quit as for SIGHUP.
    case closed
    /// The saver's state changed (a save started, finished or failed).
    case saver
    /// The board file (or its folder) changed on disk: maybe someone else saved.
    case fileChanged
}
