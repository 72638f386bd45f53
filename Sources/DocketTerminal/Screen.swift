import CNcurses
import DocketUI
import Foundation

/// Why the terminal could not be opened, for the user.
public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
}

/// The only place that talks to ncurses: sets the terminal up and restores it, paints
/// Canvases (only the cells that changed since the last paint, then one refresh), and
/// reads keys, mouse events and resizes. Every call must come from the same thread.
public final class Screen {
    private var painter: Painter
    /// Colours the terminal offers (0 without colour or with NO_COLOR).
    private var colors = 0

    /// Paints with another theme from now on (everything is redrawn).
    public func setTheme(_ theme: Theme) {
        painter = Painter(theme: theme, colors: colors)
        invalidate()
    }
    private var last: Canvas?
    private var active = false

    /// The terminal's background as it answered an OSC 11 query at startup (only asked with
    /// `followBackground`); nil when it did not answer.
    public private(set) var detectedBackground: TerminalBackground?

    /// Opens the terminal. Throws `TerminalError` when stdin/stdout is not a terminal, or
    /// `TERM` is missing, unknown or `dumb`. With `followBackground` (no theme named by the
    /// user) it asks the terminal for its background colour (OSC 11, at most
    /// `backgroundQueryTimeout` ms) and, when it answers, paints with `ThemeLoader.automatic`.
    public init(theme: Theme, noColor: Bool, followBackground: Bool = false) throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw TerminalError(description: "docket needs a terminal: stdin and stdout must be a tty (use `docket list` in scripts)")
        }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" {
            throw TerminalError(description: "docket needs a terminal that can move the cursor (TERM is '\(term.isEmpty ? "unset" : term)'); try TERM=xterm-256color")
        }
        setlocale(LC_ALL, "")
        // SIGTERM/SIGHUP/SIGINT handlers are installed before (TerminationSignals), so
        // ncurses, which only takes over signals left at SIG_DFL, leaves them to us.
        set_escdelay(25)
        guard docket_newterm() != nil else {
            throw TerminalError(description: "unknown terminal type '\(term)'; try TERM=xterm-256color")
        }
        signal(SIGTSTP, SIG_DFL)
        docket_install_crash_handlers()
        active = true
        raw()
        noecho()
        nonl()
        // Docket decodes the bytes itself (KeyDecoder): ncurses' decoding splits sequences
        // it does not know into letters.
        keypad(docket_stdscr(), false)
        typeahead(-1)
        curs_set(0)
        var colors = 0
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            colors = Int(docket_colors())
        }
        painter = Painter(theme: theme, colors: colors)
        self.colors = colors
        docket_write_tty(Screen.modesOn)
        reportedSize = size
        if followBackground, colors > 0, let background = queryBackground() {
            detectedBackground = background
            painter = Painter(theme: ThemeLoader.automatic(for: background), colors: colors)
        }
    }

    /// How long (ms) the startup background query waits for the terminal's answer.
    public static let backgroundQueryTimeout = 150

    /// Asks the terminal for its background (OSC 11) and its attributes (DA1, which every
    /// terminal answers, so a terminal that ignores OSC 11 costs no wait), and reads until
    /// the DA1 answer or the timeout. Everything read goes on to the decoder, which drops
    /// the answers and keeps any key typed meanwhile.
    private func queryBackground() -> TerminalBackground? {
        docket_write_tty("\u{1B}]11;?\u{1B}\\\u{1B}[c")
        let deadline = Screen.nowMS() + Screen.backgroundQueryTimeout
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while Screen.nowMS() < deadline, !Screen.hasDeviceAttributes(bytes) {
            var pfd = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, Int32(max(1, deadline - Screen.nowMS()))) > 0 else { continue }
            let n = read(inputFD, &buffer, buffer.count)
            guard n > 0 else { break }
            bytes += buffer[0..<n]
        }
        queued = decoder.feed(bytes, at: Screen.nowMS())
        return TerminalBackground(osc11Reply: bytes)
    }

    /// True when `bytes` hold a DA1 answer (`ESC [ ? … c`).
    private static func hasDeviceAttributes(_ bytes: [UInt8]) -> Bool {
        guard let start = bytes.indices.first(where: { bytes[$0] == 0x1B && $0 + 2 < bytes.count && bytes[$0 + 1] == 0x5B && bytes[$0 + 2] == 0x3F }) else { return false }
        return bytes[start...].contains(0x63)
    }

    /// Bracketed paste and mouse reports (mode 1000, SGR encoding 1006) on, and off.
    private static let modesOn = "\u{1B}[?2004h\u{1B}[?1000h\u{1B}[?1006h"
    private static let modesOff = "\u{1B}[?1006l\u{1B}[?1000l\u{1B}[?2004l"

    deinit { end() }

    /// Restores the terminal (idempotent): bracketed paste and mouse reports off, ncurses ended.
    public func end() {
        guard active else { return }
        active = false
        docket_write_tty(Screen.modesOff)
        endwin()
        docket_remove_crash_handlers()
    }

    /// The terminal's size now.
    public var size: Size { Size(width: Int(getmaxx(docket_stdscr())), height: Int(getmaxy(docket_stdscr()))) }

    /// Paints `canvas`: only cells that differ from the last paint, then one refresh.
    public func paint(_ canvas: Canvas) {
        let full = last.map { $0.width != canvas.width || $0.height != canvas.height } ?? true
        if full { werase(docket_stdscr()) }
        for (x, y) in canvas.cellsToPaint(over: full ? nil : last) { painter.put(canvas[x, y], x: x, y: y) }
        wrefresh(docket_stdscr())
        last = canvas
    }

    /// Forgets what is on screen, so the next paint redraws everything (after the editor,
    /// or coming back from Ctrl-Z).
    public func invalidate() {
        last = nil
        clearok(docket_stdscr(), true)
    }

    /// Gives the terminal back to the shell for a while (an editor, Ctrl-Z), then takes it
    /// again and forces a full redraw.
    public func suspended<T>(_ body: () throws -> T) rethrows -> T {
        docket_write_tty(Screen.modesOff)
        def_prog_mode()
        endwin()
        defer {
            reset_prog_mode()
            docket_write_tty(Screen.modesOn)
            invalidate()
        }
        return try body()
    }

    /// The decoder of everything the terminal sends (keys, pastes, mouse reports).
    private var decoder = KeyDecoder()
    /// Events decoded but not yet handed out by `nextEvent()`.
    private var queued: [Event] = []

    /// True once the terminal has gone away (stdin at end of file or hung up).
    public private(set) var terminalClosed = false

    /// The fd to poll for terminal input.
    public var inputFD: Int32 { 0 }

    /// Milliseconds on the monotonic clock, for the decoder's timeouts.
    private static func nowMS() -> Int { Int(DispatchTime.now().uptimeNanoseconds / 1_000_000) }

    /// Every event decodable from the input available now; never blocks ([] when nothing is
    /// ready or only part of a sequence has arrived). Reads raw bytes from fd 0 (ncurses'
    /// own key decoding is off) and decodes them with `KeyDecoder`. At end of input (the
    /// terminal closed) `terminalClosed` becomes true and `.terminate` is returned.
    public func readEvents() -> [Event] {
        var events = queued  // decoded while opening (typed during the background query)
        queued = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        // Bounded (256 KB a call) so a flood of input cannot starve painting and signals.
        for _ in 0..<64 where !terminalClosed {
            var pfd = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 0) > 0 else { break }
            let n = read(inputFD, &buffer, buffer.count)
            if n > 0 { events += decoder.feed(buffer[0..<n], at: Screen.nowMS()); continue }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { break }
            terminalClosed = true  // end of file, or EIO: the terminal hung up
            events.append(.terminate)
        }
        return KeyDecoder.joiningPastes(events + decoder.expire(at: Screen.nowMS()))
    }

    /// When the decoder holds bytes it cannot decide on yet (a lone ESC, a paste burst in
    /// progress), the milliseconds after which `readEvents()` must be called again even if no
    /// new byte arrives; nil when nothing is pending.
    public var inputDeadline: Int? { decoder.deadline(at: Screen.nowMS()) }

    /// The next event, or nil when nothing arrived within 250 ms (for a loop that does not
    /// poll `inputFD` itself). Also notices a changed terminal size (`.resize`).
    public func nextEvent() -> Event? {
        if queued.isEmpty {
            if let resize = resizeIfNeeded() { return resize }
            var pfd = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
            _ = poll(&pfd, 1, Int32(inputDeadline ?? 250))
            queued = readEvents()
        }
        return queued.isEmpty ? nil : queued.removeFirst()
    }

    /// The size `nextEvent()` last reported (or the size at opening).
    private var reportedSize: Size?

    /// `.resize` when the tty's size differs from the one last reported (ncurses resized to
    /// it first, if it has not done so itself during a refresh), else nil.
    private func resizeIfNeeded() -> Event? {
        var rows: Int32 = 0, cols: Int32 = 0
        guard docket_tty_size(1, &rows, &cols) == 0, rows > 0, cols > 0 else { return nil }
        if rows != getmaxy(docket_stdscr()) || cols != getmaxx(docket_stdscr()) { resizeterm(rows, cols) }
        let now = Size(width: Int(cols), height: Int(rows))
        guard now != reportedSize else { return nil }
        reportedSize = now
        return .resize(size)
    }
}
