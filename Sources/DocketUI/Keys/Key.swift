/// A key press, decoded from the terminal by the Screen.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Ctrl plus a letter, given in lowercase (`ctrl("r")`).
    case ctrl(Character)
    case up, down, left, right
    case shiftUp, shiftDown, shiftLeft, shiftRight
    case enter, escape, backspace, delete, home, end, pageUp, pageDown, tab, backTab
    case function(Int)
    /// Insert (`ESC [ 2 ~`).
    case insert
    /// Ctrl-← / Ctrl-→ (`ESC [ 1 ; 5 D`, rxvt `ESC O d`): a word left / right in a text field.
    case ctrlLeft, ctrlRight
    /// Alt (Meta) plus a character: the terminal sends Esc and the character in one write
    /// (`ESC d` is `alt("d")`). Alt-Backspace is `alt("\u{7F}")` (`Key.altBackspace`).
    case alt(Character)

    /// Alt-Backspace (`ESC DEL` or `ESC BS`).
    public static let altBackspace = Key.alt("\u{7F}")

    /// How help and the status line write this key: `k`, `↑`, `Ctrl-R`, `Shift-→`.
    public var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .shiftUp: return "Shift-↑"
        case .shiftDown: return "Shift-↓"
        case .shiftLeft: return "Shift-←"
        case .shiftRight: return "Shift-→"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .function(let n): return "F\(n)"
        case .insert: return "Insert"
        case .ctrlLeft: return "Ctrl-←"
        case .ctrlRight: return "Ctrl-→"
        case .alt("\u{7F}"): return "Alt-Backspace"
        case .alt(let c): return "Alt-" + String(c)
        }
    }
}

/// A mouse event at a cell (0-based column `x`, row `y`).
public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case press, wheelUp, wheelDown }
    public var x: Int
    public var y: Int
    public var kind: Kind
    public init(x: Int, y: Int, kind: Kind) { self.x = x; self.y = y; self.kind = kind }
}
