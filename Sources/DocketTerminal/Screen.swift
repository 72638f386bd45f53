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
        keypad(docket_stdscr(), true)
        wtimeout(docket_stdscr(), 250)
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

    /// Restores the terminal (idempotent): bracketed paste off, ncurses ended.
    public func end() {
        guard active else { return }
        active = false
        docket_write_tty("\u{1B}[?2004l")
        endwin()
        docket_remove_crash_handlers()
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
        endwin()
        defer {
            reset_prog_mode()
            docket_write_tty("\u{1B}[?2004h")
            invalidate()
        }
        return try body()
    }

    /// Consecutive reads that failed at once instead of waiting: the terminal is gone.
    private var instantFailures = 0
    /// An event read while looking past an Esc that must still be handled (a resize).
    private var pending: Event?

    /// True once the terminal has gone away (stdin at end of file or hung up).
    public private(set) var terminalClosed = false

    /// The next event, or nil when nothing arrived within the timeout (250 ms).
    public func nextEvent() -> Event? {
        if let event = pending { pending = nil; return event }
        var ch: wint_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let r = wget_wch(docket_stdscr(), &ch)
        if r == ERR {
            // A read that fails long before the timeout means end of input (the terminal
            // closed): without this the loop would spin at full CPU.
            if DispatchTime.now().uptimeNanoseconds - start < 20_000_000 {
                instantFailures += 1
                if instantFailures >= 3 || isatty(0) != 1 { terminalClosed = true; return .terminate }
            } else {
                instantFailures = 0
            }
            return nil
        }
        instantFailures = 0
        if r == KEY_CODE_YES { return specialKey(Int32(ch)) }
        let c = Int(ch)
        switch c {
        case 27: return escapeSequence()
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(UnicodeScalar(UInt8(c + 96)))))
        case 0, 28...31: return nil
        default:
            guard let scalar = UnicodeScalar(UInt32(c)) else { return nil }
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
        defer { wtimeout(docket_stdscr(), 250) }
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
