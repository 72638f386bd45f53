/// One key bound to one action of a screen (the action by name).
public struct KeyBinding: Equatable, Sendable {
    public var key: Key
    public var action: String
    public init(key: Key, action: String) { self.key = key; self.action = action }
}

/// An action of a screen, as help, the palette and `docket keys` show it.
public struct ActionInfo: Equatable, Sendable {
    public var name: String
    public var summary: String
    /// A short word for the hint line, if the action is shown there.
    public var hint: String?
    /// True when the action changes the board (left out of the hints on a read-only board).
    public var edits: Bool = false
}

/// One screen's keymap: its bindings in help order, and every action it has (bound or not).
/// Keys are data: `update`, help, the hint line, the palette and `docket keys` read this.
public struct KeyTable: Equatable, Sendable {
    /// The screen's id (`board`), or `global` / `editor`.
    public var screen: String
    public var bindings: [KeyBinding]
    /// Every action, in the screen's order (help lists bound ones in this order).
    public var actions: [ActionInfo]
    /// The actions of the hint line, most useful first.
    public var hintOrder: [String] = []

    /// The action bound to `key`, if any.
    public func action(for key: Key) -> String? { bindings.first { $0.key == key }?.action }

    /// The keys bound to `action`, in table order.
    public func keys(for action: String) -> [Key] { bindings.filter { $0.action == action }.map(\.key) }

    /// The description of `action` ("" when the screen has no such action).
    public func summary(of action: String) -> String { actions.first { $0.name == action }?.summary ?? "" }

    /// Replaces the keys of `action` with `keys`.
    public mutating func rebind(_ action: String, to keys: [Key]) {
        guard let first = bindings.firstIndex(where: { $0.action == action }) else {
            bindings += keys.map { KeyBinding(key: $0, action: action) }
            return
        }
        bindings.removeAll { $0.action == action }
        bindings.insert(contentsOf: keys.map { KeyBinding(key: $0, action: action) }, at: min(first, bindings.count))
    }
}

/// The keymaps in force: the built-in tables with the user's `keys.toml` applied.
public struct Keymaps: Equatable, Sendable {
    public var tables: [String: KeyTable]

    public init(_ tables: [KeyTable]) {
        self.tables = Dictionary(tables.map { ($0.screen, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The built-in keys of every screen.
    public static var standard: Keymaps { Keymaps(Screens.defaultTables) }

    /// The action `key` runs on `screen`, if any.
    public func action(for key: Key, on screen: String) -> String? { tables[screen]?.action(for: key) }

    /// The keys bound to `action` on `screen`.
    public func keys(for action: String, on screen: String) -> [Key] { tables[screen]?.keys(for: action) ?? [] }

    /// The first key of `action` on `screen` as help writes it (`?`), or nil when unbound.
    public func label(of action: String, on screen: String) -> String? { keys(for: action, on: screen).first?.label }

    /// The tables in help order: global, editor, then the screens as `Screens.all` lists them.
    public var ordered: [KeyTable] { Screens.defaultTables.compactMap { tables[$0.screen] } }
}

/// The keys that work on every screen, handled once by `update`.
public enum GlobalAction: String, FeatureAction {
    case help, palette, interrupt, suspend
    public var summary: String {
        switch self {
        case .help: return "help: the keys of this screen"
        case .palette: return "the command palette: every action by name, and more"
        case .interrupt: return "cancel the text being edited; elsewhere quit (the board is saved first)"
        case .suspend: return "suspend; fg in the shell brings the board back"
        }
    }
    public var hint: String? { self == .help ? "help" : nil }
}

/// The global keymap (`[global]` in `keys.toml`): `?`, `:`, Ctrl-C and Ctrl-Z on every screen.
public enum GlobalKeys {
    /// The keymap's name in `keys.toml` and `docket keys`.
    public static let id = "global"
    public static let defaultKeys: [(Key, GlobalAction)] = [
        (.char("?"), .help), (.char(":"), .palette), (.ctrl("c"), .interrupt), (.ctrl("z"), .suspend),
    ]
    public static var table: KeyTable {
        KeyTable(screen: id, bindings: defaultKeys.map { KeyBinding(key: $0.0, action: $0.1.rawValue) },
                 actions: GlobalAction.allCases.map { ActionInfo(name: $0.rawValue, summary: $0.summary, hint: $0.hint) },
                 hintOrder: [GlobalAction.help.rawValue])
    }
}

/// The keys of every line editor (a prompt, a field being edited): Enter and Esc are data
/// like any key; the editing keys themselves (arrows, Backspace, Ctrl-A…) are the editor's own.
public enum EditorAction: String, FeatureAction {
    case submit, cancel
    public var summary: String {
        switch self {
        case .submit: return "save the text (or run it)"
        case .cancel: return "cancel the edit"
        }
    }
}

/// The keymap of every line editor (`[editor]` in `keys.toml`): Enter submits, Esc cancels.
public enum EditorKeys {
    /// The keymap's name in `keys.toml` and `docket keys`.
    public static let id = "editor"
    public static let defaultKeys: [(Key, EditorAction)] = [(.enter, .submit), (.escape, .cancel)]
    public static var table: KeyTable {
        KeyTable(screen: id, bindings: defaultKeys.map { KeyBinding(key: $0.0, action: $0.1.rawValue) },
                 actions: EditorAction.allCases.map { ActionInfo(name: $0.rawValue, summary: $0.summary, hint: nil) })
    }

    /// The line-editor keys shown in help (handled by `LineEditor`).
    public static let editingHelp: [(String, String)] = [
        ("← → Home End", "move the cursor (also Ctrl-A, Ctrl-E)"),
        ("Backspace Delete", "delete a character"),
        ("Ctrl-U  Ctrl-K", "delete to the start / end of the line"),
        ("Ctrl-W", "delete the word before the cursor"),
        ("Alt-B  Alt-F", "a word left / right (also Ctrl-← Ctrl-→)"),
        ("Alt-D", "delete the word after the cursor"),
        ("Alt-Backspace", "delete the word before the cursor"),
    ]
}
