import DocketCore
import Foundation

/// Opens the filter prompt (`f`) on the filter in force.
func openFilterPrompt(_ state: inout AppState) {
    state.mode = .filter(FilterPrompt(editor: LineEditor(state.filter?.text ?? ""), error: nil))
}

/// Keys in the filter prompt: the line editor's; the query is checked as it is typed (the
/// bad part is underlined); Enter applies it (empty: no filter), Esc leaves the filter as it was.
func filterKey(_ state: inout AppState, _ prompt: FilterPrompt, _ key: Key, now: Timestamp) -> [Effect] {
    var p = prompt
    switch key {
    case .escape:
        state.mode = .board
        state.status = nil
        return []
    case .ctrl("c"):
        return [.quit]
    case .enter:
        do {
            try state.applyFilter(p.editor.text, today: state.calendar.day(of: now))
            state.mode = .board
            state.status = StatusMessage(state.filter.map { "filter: \($0.text) — f to change, f then Enter on nothing to clear" } ?? "filter cleared")
        } catch {
            p.error = error
            state.status = StatusMessage(error.message, isError: true)
            state.mode = .filter(p)
        }
        return []
    default:
        guard p.editor.handle(key) else { state.mode = .filter(p); return [] }
        p.error = checkQuery(p.editor.text, state.board)
        state.status = p.error.map { StatusMessage($0.message, isError: true) }
        state.mode = .filter(p)
        return []
    }
}

/// Why `text` is not a usable query for `board`, or nil.
func checkQuery(_ text: String, _ board: Board) -> QueryError? {
    do {
        let q = try Query.parse(text)
        try q.validate(against: board)
        return nil
    } catch {
        return error
    }
}

/// The saved-filter list (`F`): ↑/↓ select, Enter applies, `d` deletes (undoable), Esc closes.
func savedFiltersKey(_ state: inout AppState, _ choice: Int, _ key: Key, now: Timestamp) -> [Effect] {
    let saved = state.board.savedFilters
    var c = min(max(0, choice), max(0, saved.count - 1))
    switch key {
    case .escape, .char("q"), .char("F"): state.mode = .board; return []
    case .ctrl("c"): return [.quit]
    case .up, .char("k"): c = max(0, c - 1)
    case .down, .char("j"): c = min(max(0, saved.count - 1), c + 1)
    case .enter:
        guard saved.indices.contains(c) else { state.mode = .board; return [] }
        state.mode = .board
        do {
            try state.applyFilter(saved[c].query, today: state.calendar.day(of: now))
            state.status = StatusMessage("filter \(saved[c].name): \(saved[c].query)")
        } catch {
            state.status = StatusMessage("saved filter \(saved[c].name): \(error.message)", isError: true)
        }
        return []
    case .char("d"):
        guard saved.indices.contains(c) else { return [] }
        let name = saved[c].name
        state.mode = .board
        let fx = runPaletteCommand(&state, "filter delete \(name)", selected: nil, now: now)
        if !state.board.savedFilters.isEmpty { state.mode = .savedFilters(choice: min(c, state.board.savedFilters.count - 1)) }
        return fx
    default: break
    }
    state.mode = .savedFilters(choice: c)
    return []
}
