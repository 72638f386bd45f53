import CNcurses

/// Notices SIGTERM, SIGHUP and SIGINT without doing anything unsafe inside a signal handler:
/// the handler (in the C shim) only records the signal; the main loop, awake at least every
/// 250 ms, reads it, saves and restores the terminal. Installed before ncurses starts, so
/// ncurses leaves these signals to us.
public struct TerminationSignals {
    /// Installs the handlers.
    public init() { docket_install_termination_handlers() }

    /// The signal that arrived, if any.
    public var pending: Int32? {
        let s = docket_pending_signal()
        return s == 0 ? nil : s
    }
}
