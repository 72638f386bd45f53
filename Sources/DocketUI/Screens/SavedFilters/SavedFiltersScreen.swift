import DocketCore
import Foundation

/// The saved-filter list (`F`): ↑/↓ select, Enter applies, `d` deletes (undoable), Esc closes.
public struct SavedFiltersScreen: Feature {
    public static let id = "saved-filters"
    public static let title = "Saved filters"
    public var choice = 0
    public init() {}

    public mutating func perform(_ action: SavedFiltersAction, _ state: inout AppState, now: Timestamp) -> Step {
        let saved = state.board.savedFilters
        choice = min(max(0, choice), max(0, saved.count - 1))
        switch action {
        case .close: return .pop
        case .up: choice = max(0, choice - 1)
        case .down: choice = min(max(0, saved.count - 1), choice + 1)
        case .apply:
            guard saved.indices.contains(choice) else { return .pop }
            let f = saved[choice]
            do {
                try state.applyFilter(f.query, today: state.calendar.day(of: now))
                state.status = StatusMessage("filter \(f.name): \(f.query)")
            } catch {
                state.status = StatusMessage("saved filter \(f.name): \(error.message)", isError: true)
            }
            return .pop
        case .delete:
            guard saved.indices.contains(choice) else { return .stay }
            let fx = runPaletteCommand(&state, "filter delete \(saved[choice].name)", now: now)?.effects ?? []
            if state.board.savedFilters.isEmpty { return Step(fx, .pop) }
            choice = min(choice, state.board.savedFilters.count - 1)
            return Step(fx)
        }
        return .stay
    }
}

public enum SavedFiltersAction: String, FeatureAction {
    case up, down, apply, delete, close
    public var summary: String {
        switch self {
        case .up: return "select the filter above"
        case .down: return "select the filter below"
        case .apply: return "apply the selected filter"
        case .delete: return "delete the selected filter (undo with u on the board)"
        case .close: return "close the list"
        }
    }
    public var edits: Bool { self == .delete }
}

extension SavedFiltersScreen {
    public static let defaultKeys: [(Key, SavedFiltersAction)] = [
        (.up, .up), (.char("k"), .up), (.down, .down), (.char("j"), .down), (.enter, .apply), (.char("d"), .delete),
        (.escape, .close), (.char("q"), .close), (.char("F"), .close),
    ]
}
