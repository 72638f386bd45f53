import DocketCore

/// The stage menu (`s` on the board): a popup over the selected column with its settings
/// (name, kind, WIP limit, SLA, shown or hidden, position, items) and a key for each change:
/// `<`/`>` move it, `z` hides or shows it, `r` rename, `k` kind, `w` WIP limit, `t` SLA, `x`
/// remove (an empty stage at once; otherwise it asks where its items go), `a` add a stage.
/// The changes that take a value open a line at the bottom of the popup (Enter applies, Esc
/// cancels). Every change is one undo step (`u` on the board). Esc closes the menu.
public struct StageScreen: Feature {
    public static let id = "stage"
    public static let title = "Stage menu"

    /// A value being typed: which `stage …` command it completes, and the text.
    public var prompt: StagePrompt?
    /// The selected stage's items, archived ones too (see `itemCount`): counted when the menu
    /// opens and again when the board changes, not on every frame.
    private(set) var held: (stage: String, items: Int)?

    /// The menu over `state`'s selected stage, its items counted now.
    public init(_ state: AppState) { recount(state) }

    public mutating func boardChanged(_ app: AppState) { recount(app) }

    private mutating func recount(_ app: AppState) {
        held = app.selectedStage.map { ($0.id, StageScreen.itemCount($0.id, in: app.board)) }
    }

    /// Items in stage `stageID`, archived ones too: the count kept in `held` when it is that
    /// stage's, else counted now.
    func items(in stageID: String, _ board: Board) -> Int {
        if let held, held.stage == stageID { return held.items }
        return StageScreen.itemCount(stageID, in: board)
    }

    public var editor: LineEditor? {
        get { prompt?.editor }
        set { if let e = newValue { prompt?.editor = e } }
    }
}

/// The value line of the stage menu.
public struct StagePrompt: Equatable, Sendable {
    /// The palette command the value completes (`stage rename`).
    public var command: String
    /// What is asked (`New name`).
    public var label: String
    public var editor: LineEditor
}

/// The stage menu's actions (each on the selected stage).
public enum StageAction: String, FeatureAction {
    case moveLeft = "move-left", moveRight = "move-right", toggleHidden = "hide-or-show"
    case rename, kind, wip, sla, remove, add, close

    public var summary: String {
        switch self {
        case .moveLeft: return "move the stage one place left"
        case .moveRight: return "move the stage one place right"
        case .toggleHidden: return "hide the stage (folded to a strip; its items stay) or show it again"
        case .rename: return "rename the stage"
        case .kind: return "set its kind: inbox, todo, doing or done"
        case .wip: return "set its WIP limit (0: none)"
        case .sla: return "set its service level expectation (3d, 2w, none)"
        case .remove: return "remove it: at once when empty, else name the stage its items go to"
        case .add: return "add a stage before the first done stage"
        case .close: return "close the menu"
        }
    }

    public var hint: String? {
        switch self {
        case .moveRight: return "move"
        case .toggleHidden: return "hide/show"
        case .close: return "close"
        default: return nil
        }
    }

    public var edits: Bool { self != .close }
}

extension StageScreen {
    public static let defaultKeys: [(Key, StageAction)] = [
        (.char("<"), .moveLeft), (.char("h"), .moveLeft), (.left, .moveLeft),
        (.char(">"), .moveRight), (.char("l"), .moveRight), (.right, .moveRight),
        (.char("z"), .toggleHidden), (.char("r"), .rename), (.char("k"), .kind), (.char("w"), .wip),
        (.char("t"), .sla), (.char("x"), .remove), (.char("a"), .add),
        (.escape, .close), (.char("q"), .close), (.char("s"), .close),
    ]

    public mutating func perform(_ action: StageAction, _ state: inout AppState, now: Timestamp) -> Step {
        guard let stage = state.selectedStage else { return .pop }
        func ask(_ command: String, _ label: String, _ value: String) -> Step {
            if refuseIfReadOnly(&state) { return .stay }
            prompt = StagePrompt(command: command, label: label, editor: LineEditor(value))
            return .stay
        }
        switch action {
        case .close: return .pop
        case .moveLeft, .moveRight:
            return Step(StageCommands.run(&state, "stage move " + (action == .moveLeft ? "left" : "right"), now: now) ?? [])
        case .toggleHidden:
            return Step(StageCommands.run(&state, stage.hidden ? "stage show" : "stage hide", now: now) ?? [])
        case .rename: return ask("stage rename", "New name", stage.name)
        case .kind: return ask("stage kind", "Kind (inbox todo doing done)", stage.kind.rawValue)
        case .wip: return ask("stage wip", "WIP limit (0: none)", stage.wipLimit.map(String.init) ?? "")
        case .sla: return ask("stage sla", "SLA (3d, 2w, none)", stage.slaDays.map { "\($0)d" } ?? "")
        case .add: return ask("stage add", "New stage", "")
        case .remove:
            let count = items(in: stage.id, state.board)
            if count == 0 {
                let fx = StageCommands.run(&state, "stage remove", now: now) ?? []
                return fx.isEmpty ? .stay : Step(fx, .pop)
            }
            return ask("stage remove", "Move its \(count) item\(count == 1 ? "" : "s") to", "")
        }
    }

    /// Enter in the value line: runs the command; a refused value keeps the line open with
    /// the reason in the status line.
    public mutating func submit(_ state: inout AppState, now: Timestamp) -> Step {
        guard let prompt else { return .stay }
        let value = prompt.editor.text.trimmingCharacters(in: .whitespaces)
        if prompt.command == "stage remove", value.isEmpty {
            state.status = StatusMessage("name the stage its items go to", isError: true)
            return .stay
        }
        let fx = StageCommands.run(&state, prompt.command + " " + value, now: now) ?? []
        if fx.isEmpty, state.status?.isError == true { return .stay }
        self.prompt = nil
        return Step(fx, prompt.command == "stage remove" && !fx.isEmpty ? .pop : .stay)
    }

    /// Esc in the value line: nothing changes.
    public mutating func cancel(_ state: inout AppState) -> Step {
        prompt = nil
        state.status = StatusMessage("cancelled")
        return .stay
    }

    /// Items in a stage, archived ones too (they move with it when it is removed).
    static func itemCount(_ stageID: String, in board: Board) -> Int {
        var n = 0
        board.items.forEachItem { if $0.stage == stageID { n += 1 } }
        return n
    }
}
