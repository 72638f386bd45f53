import DocketCore

/// The goals screen (`O` on the board, palette `goals`): the vision, each goal with its
/// state and progress, and for the selected goal its key results' progress bars and the
/// items serving it grouped by stage, with their points and cost. `w` switches to the
/// unaligned work: open items that serve no goal.
public struct GoalsScreen: Feature {
    public static let id = "goals"
    public static let title = "Goals"

    /// Index of the selected goal (or, in `unaligned`, of the selected item).
    public var selected = 0
    /// Showing the unaligned work instead of the goals.
    public var unaligned = false
    /// Cached from the board (`boardChanged`).
    var summaries: [GoalSummary]
    var unalignedIDs: [String]

    public init(_ state: AppState) {
        summaries = GoalSummary.all(state.board)
        unalignedIDs = state.board.unalignedItemIDs()
    }

    public var isFullScreen: Bool { true }

    public mutating func boardChanged(_ app: AppState) {
        summaries = GoalSummary.all(app.board)
        unalignedIDs = app.board.unalignedItemIDs()
        selected = min(selected, max(0, (unaligned ? unalignedIDs.count : summaries.count) - 1))
    }

    public mutating func perform(_ action: GoalsAction, _ state: inout AppState, now: Timestamp) -> Step {
        let count = unaligned ? unalignedIDs.count : summaries.count
        switch action {
        case .up: selected = max(0, selected - 1)
        case .down: selected = max(0, min(count - 1, selected + 1))
        case .unaligned:
            unaligned.toggle()
            selected = 0
        case .cycleState:
            guard !unaligned, summaries.indices.contains(selected) else { return .stay }
            let goal = summaries[selected].goal
            let all = GoalState.allCases
            let next = all[(all.firstIndex(of: goal.state)! + 1) % all.count]
            let user = state.user
            let fx = commitEdit(&state) { b in try b.setGoal(goal.id, [("state", next.rawValue)], by: user, at: now) }
            if !fx.isEmpty { state.status = StatusMessage("\(goal.objective): \(next.label)") }
            return Step(fx)
        case .openItem:
            guard unaligned, unalignedIDs.indices.contains(selected) else { return .stay }
            state.select(itemID: unalignedIDs[selected])
            return Step([], .popToBoard)
        case .undo, .redo:
            return Step(state.undoOrRedo(redo: action == .redo, now: now))
        case .close:
            if unaligned { unaligned = false; selected = 0; return .stay }
            return .pop
        }
        return .stay
    }
}

/// The actions of the goals screen.
public enum GoalsAction: String, FeatureAction {
    case up, down, unaligned, cycleState = "cycle-state", openItem = "open-item", undo, redo, close

    public var summary: String {
        switch self {
        case .up: return "previous goal (or item)"
        case .down: return "next goal (or item)"
        case .unaligned: return "show the unaligned work (open items that serve no goal), or the goals again"
        case .cycleState: return "next state of the goal: on track, at risk, off track, done"
        case .openItem: return "show the unaligned item on the board"
        case .undo: return "undo"
        case .redo: return "redo"
        case .close: return "back (to the goals from the unaligned work, else to the board)"
        }
    }

    public var hint: String? {
        switch self {
        case .unaligned: return "unaligned"
        case .cycleState: return "state"
        case .close: return "back"
        default: return nil
        }
    }

    public var edits: Bool { self == .cycleState || self == .undo || self == .redo }
}

extension GoalsScreen {
    public static let defaultKeys: [(Key, GoalsAction)] = [
        (.up, .up), (.char("k"), .up), (.down, .down), (.char("j"), .down),
        (.char("w"), .unaligned), (.char("s"), .cycleState), (.enter, .openItem),
        (.char("u"), .undo), (.ctrl("r"), .redo),
        (.escape, .close), (.char("q"), .close),
    ]
}
