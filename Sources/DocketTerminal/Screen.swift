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
    private let pasteStart: [Character] = Array("[200~")

    /// Opens the terminal. Throws `TerminalError` when stdin/stdout is not a terminal, or
    /// `TERM` is missing, unknown or `dumb`.
    public init(theme: Theme, noColor: Bool) throws {
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
        keypad(docket_stdscr(), true)
        // Reads never block: the loop polls `inputFD` and calls `readEvents()`.
        wtimeout(docket_stdscr(), 0)
        curs_set(0)
        mouseinterval(0)
        mousemask(docket_button1_pressed() | docket_button1_clicked() | docket_button4_pressed() | docket_button5_pressed(), nil)
        var colors = 0
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            colors = Int(docket_colors())
        }
        painter = Painter(theme: theme, colors: colors)
        self.colors = colors
        docket_write_tty("\u{1B}[?2004h")
    }

    deinit { end() }

    /// Restores the terminal (idempotent): bracketed paste off, the alternate screen left with
    /// the cursor at its top, ncurses ended.
    public func end() {
        guard active else { return }
        active = false
        docket_write_tty("\u{1B}[?2004l")
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
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                if cell.isContinuation { continue }
                if !full, let last, last[x, y] == cell { continue }
                painter.put(cell, x: x, y: y)
            }
        }
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
        docket_write_tty("\u{1B}[?2004l")
        def_prog_mode()
        leaveAlternateScreen()
        endwin()
        defer {
            reset_prog_mode()
            docket_write_tty("\u{1B}[?2004h")
            resizeToTerminal()
            invalidate()
        }
        return try body()
    }

    /// An event read while looking past an Esc that must still be handled (a resize).
    private var pending: Event?

    /// The fd to poll for terminal input.
    public var inputFD: Int32 { 0 }

    /// When the decoder holds bytes it cannot decide on yet, the milliseconds after which
    /// `readEvents()` must be called again; nil when nothing is pending (ncurses waits for
    /// the rest of an escape sequence itself here).
    public var inputDeadline: Int? { nil }

    /// Every event decodable from the input available now; never blocks ([] when nothing is
    /// ready).
    public func readEvents() -> [Event] {
        var events: [Event] = []
        if let event = pending { pending = nil; events.append(event) }
        while events.count < 10_000, let next = readOne() {
            if let event = next { events.append(event) }
            if let event = pending { pending = nil; events.append(event) }
        }
        return events
    }

    /// The next input: nil when nothing is ready, `.some(nil)` for input that means nothing.
    private func readOne() -> Event?? {
        var ch: wint_t = 0
        let r = wget_wch(docket_stdscr(), &ch)
        if r == ERR { return nil }
        if r == KEY_CODE_YES { return .some(specialKey(Int32(ch))) }
        let c = Int(ch)
        switch c {
        case 27: return .some(escapeSequence())
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(UnicodeScalar(UInt8(c + 96)))))
        case 0, 28...31: return .some(nil)
        default:
            guard let scalar = UnicodeScalar(UInt32(c)) else { return .some(nil) }
            return .key(.char(Character(scalar)))
        }
    }

    private func specialKey(_ k: Int32) -> Event? {
        switch k {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_SR: return .key(.shiftUp)
        case KEY_SF: return .key(.shiftDown)
        case KEY_SLEFT: return .key(.shiftLeft)
        case KEY_SRIGHT: return .key(.shiftRight)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_DC: return .key(.delete)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        case KEY_BTAB: return .key(.backTab)
        case KEY_RESIZE: return .resize(size)
        case KEY_MOUSE:
            var m = MEVENT()
            guard getmouse(&m) == OK else { return nil }
            let kind: MouseEvent.Kind
            if m.bstate & docket_button4_pressed() != 0 { kind = .wheelUp }
            else if docket_button5_pressed() != 0 && m.bstate & docket_button5_pressed() != 0 { kind = .wheelDown }
            else if m.bstate & (docket_button1_pressed() | docket_button1_clicked()) != 0 { kind = .press }
            else { return nil }
            return .mouse(MouseEvent(x: Int(m.x), y: Int(m.y), kind: kind))
        default:
            if k > KEY_F0 && k <= KEY_F0 + 24 { return .key(.function(Int(k - KEY_F0))) }
            return nil
        }
    }

    /// After ESC: a lone Esc (nothing follows at once, or a plain key follows: both are kept),
    /// bracketed paste (`ESC [200~ … ESC [201~`), or another sequence ncurses did not know,
    /// which is dropped.
    private func escapeSequence() -> Event? {
        wtimeout(docket_stdscr(), 0)
        defer { wtimeout(docket_stdscr(), 0) }
        var ch: wint_t = 0
        let r = wget_wch(docket_stdscr(), &ch)
        if r == ERR { return .key(.escape) }
        if r == KEY_CODE_YES {
            // Esc then a resize: both count (the Esc was lost before, leaving a mode open).
            if Int32(ch) == KEY_RESIZE { pending = specialKey(Int32(ch)); return .key(.escape) }
            return specialKey(Int32(ch))  // Alt-arrow: treat as the arrow
        }
        guard ch == 91 else {
            // Esc and a key typed (or sent) right after it, or Alt-x: both count, as two keys.
            unget_wch(wchar_t(ch))
            return .key(.escape)
        }
        var seq: [Character] = ["["]
        while seq.count < 16 {
            guard wget_wch(docket_stdscr(), &ch) != ERR, let s = UnicodeScalar(UInt32(ch)) else { break }
            seq.append(Character(s))
            if (64...126).contains(Int(ch)) { break }
        }
        guard seq == pasteStart else { return nil }
        return .paste(readPaste())
    }

    private func readPaste() -> String {
        wtimeout(docket_stdscr(), 100)
        var text: [Character] = []
        let end: [Character] = Array("\u{1B}[201~")
        var ch: wint_t = 0
        while text.count < 1_000_000 {
            guard wget_wch(docket_stdscr(), &ch) != ERR, let s = UnicodeScalar(UInt32(ch)) else { break }
            text.append(s == "\r" ? "\n" : Character(s))
            if text.count >= end.count, Array(text.suffix(end.count)) == end { text.removeLast(end.count); break }
        }
        return String(text)
    }
}
