import DocketCore

/// The actions of one screen: every key of the screen is bound to one of these, so help, the
/// hint line, the palette and `keys.toml` read one table. `rawValue` is the action's name in
/// `keys.toml`, `docket keys` and the palette (`move-right`).
public protocol FeatureAction: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {
    /// One line for help and the palette.
    var summary: String { get }
    /// A short word for the hint line (`add`, `move`), or nil to leave the action out of it.
    var hint: String? { get }
    /// True when the action changes the board (its hint is left out on a read-only board).
    var edits: Bool { get }
}

extension FeatureAction {
    public var hint: String? { nil }
    public var edits: Bool { false }
}

/// What a reducer asks of the route stack after an action.
public enum Navigation: Sendable {
    /// Stay on this screen (its new state is kept).
    case stay
    /// Close this screen: back to exactly the screen under it.
    case pop
    /// Open another screen on top of this one.
    case push(any Feature)
    /// Close this screen and open another in its place.
    case replace(any Feature)
    /// Close every screen down to the board.
    case popToBoard
    /// Close this screen, then run the action named on the screen under it (or a global
    /// action): how the palette runs actions, never by faking key presses.
    case popAndRun(String)
}

/// What a screen's reducer returns: the effects to run and where to go next.
public struct Step: Sendable {
    /// Work for the runtime (save, open `$EDITOR`, export…).
    public var effects: [Effect]
    /// Where the route stack goes next.
    public var navigation: Navigation
    public init(_ effects: [Effect] = [], _ navigation: Navigation = .stay) {
        self.effects = effects; self.navigation = navigation
    }
    /// Nothing to do, stay on the screen.
    public static let stay = Step()
    /// Close the screen.
    public static let pop = Step([], .pop)
    public static func push(_ screen: any Feature, _ effects: [Effect] = []) -> Step { Step(effects, .push(screen)) }
}

/// A screen of the app: one folder with its state (the conforming type), its actions and
/// default keys, its reducer (`perform`) and its view (`draw`). Screens open on the route
/// stack (`AppState.routes`): opening one pushes it, Esc pops back to where the user was.
/// A new screen is one folder plus one line in `Screens.all`.
public protocol Feature: Sendable {
    associatedtype Action: FeatureAction
    /// The screen's name: its section in `keys.toml` and `docket keys` (`board`, `backlog`).
    static var id: String { get }
    /// The screen's title in help.
    static var title: String { get }
    /// The built-in keys, in the order help lists them.
    static var defaultKeys: [(Key, Action)] { get }
    /// The actions shown in the hint line, most useful first.
    static var hintOrder: [Action] { get }

    /// Applies an action (from a key or the palette) to this screen and the app.
    mutating func perform(_ action: Action, _ app: inout AppState, now: Timestamp) -> Step

    /// The line editor that has the focus, if any: typed text and pastes go there, and the
    /// `editor` keymap's submit / cancel keys call `submit` / `cancel`.
    var editor: LineEditor? { get set }
    /// Enter in the focused editor.
    mutating func submit(_ app: inout AppState, now: Timestamp) -> Step
    /// Esc (or Ctrl-C) in the focused editor: the edit is dropped.
    mutating func cancel(_ app: inout AppState) -> Step
    /// Called after the focused editor's text changed (search as you type, query checks).
    mutating func editorChanged(_ app: inout AppState, now: Timestamp)

    /// True when the screen draws the whole terminal; false for an overlay or a prompt line
    /// drawn over the screen under it.
    var isFullScreen: Bool { get }
    /// Draws the screen (over what the screens under it drew, unless it is full screen).
    func draw(_ app: AppState, into canvas: inout Canvas)
    /// The board changed since the screen last saw it (an edit, an undo, a merge from disk):
    /// recompute what the screen caches. Called for every open screen.
    mutating func boardChanged(_ app: AppState)
    /// Ctrl-C with no text being edited: a step instead of quitting (nil: quit, the default).
    mutating func interrupt(_ app: inout AppState, now: Timestamp) -> Step?
    /// A background job's result arrived (`Effect.compute`); screens take the ones they asked for.
    mutating func received(_ result: BackgroundResult)
    /// Ticks the screen asks for while it is on top, in milliseconds (nil: none).
    var tickInterval: Int? { get }
    /// A tick arrived (only while `tickInterval` is set).
    mutating func tick(_ app: inout AppState, now: Timestamp) -> Step
}

extension Feature {
    public var editor: LineEditor? { get { nil } set {} }
    public mutating func submit(_ app: inout AppState, now: Timestamp) -> Step { .stay }
    public mutating func cancel(_ app: inout AppState) -> Step { .pop }
    public mutating func editorChanged(_ app: inout AppState, now: Timestamp) {}
    public var isFullScreen: Bool { false }
    public mutating func boardChanged(_ app: AppState) {}
    public mutating func received(_ result: BackgroundResult) {}
    public mutating func interrupt(_ app: inout AppState, now: Timestamp) -> Step? { nil }
    public var tickInterval: Int? { nil }
    public mutating func tick(_ app: inout AppState, now: Timestamp) -> Step { .stay }
    public static var title: String { id }
    public static var hintOrder: [Action] { Action.allCases.filter { $0.hint != nil } }

    /// The screen's id, from a value.
    public var screenID: String { Self.id }

    /// Runs the action named `name` (a palette entry, a key from the keymap); nil when the
    /// screen has no such action.
    public mutating func perform(named name: String, _ app: inout AppState, now: Timestamp) -> Step? {
        guard let action = Action(rawValue: name) else { return nil }
        return perform(action, &app, now: now)
    }

    /// The screen's keymap in the built-in form (screen, key, action, description).
    public static var defaultTable: KeyTable {
        KeyTable(screen: id, bindings: defaultKeys.map { KeyBinding(key: $0.0, action: $0.1.rawValue) },
                 actions: Action.allCases.map(info), hintOrder: hintOrder.map(\.rawValue))
    }

    private static func info(_ a: Action) -> ActionInfo {
        ActionInfo(name: a.rawValue, summary: a.summary, hint: hintOrder.contains(a) ? a.hint : nil, edits: a.edits)
    }
}
