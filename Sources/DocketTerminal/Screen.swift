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
        // SIGWINCH, SIGTERM, SIGHUP and SIGINT handlers are installed before (SignalPipe), so
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
        // Docket decodes the bytes itself (KeyDecoder), read with read(2) when the loop's poll
        // says so: ncurses' decoding splits sequences it does not know into letters.
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

    /// Restores the terminal (idempotent): bracketed paste and mouse reports off, the
    /// alternate screen left with the cursor at its top, ncurses ended.
    public func end() {
        guard active else { return }
        active = false
        docket_write_tty(Screen.modesOff)
        leaveAlternateScreen()
        endwin()
        docket_remove_crash_handlers()
    }

    /// Clears the alternate screen and leaves it, before `endwin` leaves it with the board
    /// still drawn and the cursor on the last line. After the terminal grew during the
    /// session, tmux shrinks the alternate screen back to the saved screen's height and pulls
    /// rows of it onto the shell screen: that left 23 lines of board borders over the shell.
    /// A cleared screen leaves nothing to pull. `endwin`'s own exit afterwards only restores
    /// the cursor saved on entry.
    private func leaveAlternateScreen() {
        guard let exit = capability("rmcup") else { return }
        docket_write_tty((capability("clear") ?? "\u{1B}[H\u{1B}[2J") + exit)
    }

    /// A string capability of the terminal (terminfo), nil when it has none.
    private func capability(_ name: String) -> String? {
        // A mutable pointer: some curses headers (macOS) declare the name `char *`.
        let value = name.withCString { tigetstr(UnsafeMutablePointer(mutating: $0)) }
        guard let value, Int(bitPattern: value) != -1, value.pointee != 0 else { return nil }
        return String(cString: value)
    }

    /// Takes the terminal's size from the tty (after SIGWINCH, or coming back from a
    /// suspension) and tells ncurses (`resizeterm`); the next paint redraws everything.
    public func resizeToTerminal() {
        var rows: Int32 = 0, cols: Int32 = 0
        guard docket_tty_size(1, &rows, &cols) == 0, rows > 0, cols > 0 else { return }
        if rows != getmaxy(docket_stdscr()) || cols != getmaxx(docket_stdscr()) {
            resizeterm(rows, cols)
            invalidate()
        }
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
        leaveAlternateScreen()
        endwin()
        defer {
            reset_prog_mode()
            docket_write_tty(Screen.modesOn)
            resizeToTerminal()
            invalidate()
        }
        return try body()
    }

    /// The decoder of everything the terminal sends (keys, pastes, mouse reports).
    private var decoder = KeyDecoder()
    /// Events decoded while opening (keys typed during the background query), not yet read.
    private var queued: [Event] = []

    /// The fd to poll for terminal input.
    public var inputFD: Int32 { 0 }

    /// Milliseconds on the monotonic clock, for the decoder's timeouts.
    private static func nowMS() -> Int { Int(DispatchTime.now().uptimeNanoseconds / 1_000_000) }

    /// Every event decodable from the input available now; never blocks ([] when nothing is
    /// ready or only part of a sequence has arrived). Reads raw bytes from `inputFD` (ncurses'
    /// own key decoding is off) and decodes them with `KeyDecoder`; neighbouring pastes are
    /// joined. At the end of input (the terminal hung up) it stops reading; the loop's poll
    /// reports the hang-up.
    public func readEvents() -> [Event] {
        var events = queued
        queued = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        // Bounded (256 KB a call) so a flood of input cannot starve painting and signals.
        for _ in 0..<64 {
            var pfd = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 0) > 0 else { break }
            let n = read(inputFD, &buffer, buffer.count)
            guard n > 0 else { break }  // end of input, EIO after a hang-up, or EINTR
            events += decoder.feed(buffer[0..<n], at: Screen.nowMS())
        }
        return KeyDecoder.joiningPastes(events + decoder.expire(at: Screen.nowMS()))
    }

    /// When the decoder holds bytes it cannot decide on yet (a lone ESC, a paste burst in
    /// progress), the milliseconds after which `readEvents()` must be called again even if no
    /// new byte arrives; nil when nothing is pending.
    public var inputDeadline: Int? { queued.isEmpty ? decoder.deadline(at: Screen.nowMS()) : 0 }
}
