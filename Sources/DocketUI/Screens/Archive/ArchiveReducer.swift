import DocketCore

extension AppState {
    /// Rows of the archive list on screen while searching (below its two header rows, above
    /// the search line and the status line): what PgUp / PgDn move.
    var archiveRows: Int { max(1, size.height - 4) }
}

extension ArchiveScreen {
    /// Recomputes the entries for `state`'s board and the search, keeping `id` selected.
    mutating func refresh(_ state: AppState, keep id: String?) {
        entries = ArchiveEntry.all(state.board)
        narrow(state, keep: id)
    }

    /// Applies the search to the entries, keeping `id` selected (else the same row).
    mutating func narrow(_ state: AppState, keep id: String?) {
        let q = query.text
        shown = entries.indices.filter { entries[$0].matches(q) }
        if let id, let i = shown.firstIndex(where: { entries[$0].id == id }) { row = i }
        clampRow(state)
    }

    private mutating func clampRow(_ state: AppState) {
        row = min(max(0, row), max(0, shown.count - 1))
    }

    public mutating func perform(_ action: ArchiveAction, _ state: inout AppState, now: Timestamp) -> Step {
        var fx: [Effect] = []
        switch action {
        case .close: return .pop
        case .up: row -= 1
        case .down: row += 1
        case .top: row = 0
        case .bottom: row = shown.count - 1
        case .pageUp: row -= state.archiveRows
        case .pageDown: row += state.archiveRows
        case .search: searching = true
        case .restore: fx = restoreSelected(&state, now: now)
        case .openDetail:
            guard let id = selected?.id else { break }
            return .push(DetailScreen(itemID: id))
        case .undo, .redo:
            fx = state.undoOrRedo(redo: action == .redo, now: now)  // the list follows in boardChanged
        }
        clampRow(state)
        return Step(fx)
    }

    /// `r`: puts the selected item back in its stage (the first stage when its stage is not on
    /// the board, said in the status line), selects it on the board, and keeps the row.
    private mutating func restoreSelected(_ state: inout AppState, now: Timestamp) -> [Effect] {
        guard let entry = selected else {
            state.status = StatusMessage("nothing to restore")
            return []
        }
        let user = state.user
        var movedTo: String?
        let fx = commitEdit(&state) { b in
            let restored = try b.restore(entry.id, by: user, at: now)
            movedTo = restored.movedTo
            return restored.edit
        }
        guard !fx.isEmpty else { return fx }
        let board = state.board
        let stageName = { (id: String) in board.stages.first { $0.id == id }?.name ?? id }
        let item = board.items[entry.id]
        if let movedTo {
            state.status = StatusMessage("restored \(entry.shownID) to \(stageName(movedTo)), the first stage: its \(entry.stage) is not a stage of the board")
        } else {
            state.status = StatusMessage("restored \(entry.shownID) to \(stageName(item?.stage ?? "")) (u undoes)")
        }
        state.select(itemID: entry.id)
        return fx  // the list follows in boardChanged (the row stays)
    }

    /// Enter in the search line: the list stays narrowed, the keys go back to the list.
    public mutating func submit(_ state: inout AppState, now: Timestamp) -> Step {
        searching = false
        return .stay
    }

    /// Esc in the search line: the search is dropped.
    public mutating func cancel(_ state: inout AppState) -> Step {
        searching = false
        let id = selected?.id
        query = LineEditor()
        narrow(state, keep: id)
        return .stay
    }

    /// The search text changed: the list is narrowed as you type.
    public mutating func editorChanged(_ state: inout AppState, now: Timestamp) {
        narrow(state, keep: selected?.id)
    }
}
